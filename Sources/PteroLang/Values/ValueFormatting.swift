/// How values print: a top-level string as its text, strings inside lists
/// and maps quoted, doubles always with a `.`.
extension Value {
    /// What `print` and `"{x}"` show.
    public var displayText: String {
        if case .string(let text) = self { return text }
        return literalText
    }

    /// The value as it would be written in ptero source, where it can be.
    public var literalText: String {
        var output = ""
        var enclosing = EnclosingContainers()
        try? write(to: &output, enclosing: &enclosing, limit: Int.max)
        return output
    }

    /// What `print`, `str` and `"{x}"` show, or an error when the text
    /// would pass the string limit: a list holding one list twice, sixty
    /// levels down, is small but prints 2^60 elements.
    func displayText(within limits: ValueLimits) throws -> String {
        if case .string(let text) = self { return text }
        var output = ""
        var enclosing = EnclosingContainers()
        do {
            try write(to: &output, enclosing: &enclosing, limit: limits.maximumStringBytes)
        } catch {
            throw RuntimeError("the text of this \(typeName) would be too long (over the limit of \(limits.maximumStringBytes) bytes)")
        }
        return output
    }

    /// Thrown by `write` once its output passes its limit.
    private struct TooLong: Error {}

    /// A list or map that holds itself prints as `[...]` where it recurs, as in Python.
    private func write(to output: inout String, enclosing: inout EnclosingContainers, limit: Int) throws {
        guard output.utf8.count <= limit else { throw TooLong() }
        guard enclosing.depth < 64 else { output += "..."; return }
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += Value.format(number)
        case .string(let text):
            output += Value.quote(text)
            guard output.utf8.count <= limit else { throw TooLong() }
        case .list(let list):
            guard enclosing.enter(list) else { output += "[...]"; return }
            defer { enclosing.leave() }
            output += "["
            for (position, item) in list.items.enumerated() {
                if position > 0 { output += ", " }
                try item.write(to: &output, enclosing: &enclosing, limit: limit)
            }
            output += "]"
        case .map(let map):
            guard enclosing.enter(map) else { output += "{...}"; return }
            defer { enclosing.leave() }
            output += "{"
            for (position, (key, value)) in map.entries.enumerated() {
                if position > 0 { output += ", " }
                if case .string(let name) = key, Value.isPlainName(name) {
                    output += name
                } else {
                    try key.value.write(to: &output, enclosing: &enclosing, limit: limit)
                }
                output += ": "
                try value.write(to: &output, enclosing: &enclosing, limit: limit)
            }
            output += "}"
        case .range(let range):
            if range.step != 1 {
                output += "range(\(range.low), \(range.high), \(range.step))"
            } else if range.inclusive {
                output += "\(range.low)...\(range.high - 1)"
            } else {
                output += "\(range.low)..<\(range.high)"
            }
        case .closure(let closure): output += "<fn \(closure.prototype.name)>"
        case .native(let native): output += "<builtin \(native.name)>"
        case .host(let host): output += host.displayText
        case .cell(let box): try box.value.write(to: &output, enclosing: &enclosing, limit: limit)
        }
    }

    /// Shortest round-trip form, always with a `.` or exponent.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        let text = "\(number)"
        if text.contains(".") || text.contains("e") { return text }
        return text + ".0"
    }

    public static func quote(_ text: String) -> String {
        var result = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "{": result += "\\{"
            // Controls and bidirectional overrides print as escapes: the
            // literal reads back, and an ESC in a name never reaches the terminal.
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                result += "\\u{" + String(character.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "\""
    }

    static func isPlainName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(first >= 48 && first <= 57) else { return false }
        guard TokenKind.keywords[text] == nil else { return false }
        return text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
