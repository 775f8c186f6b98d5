/// The YAML egg file: `EggExporterService::yamlExport` (JSON texts become their values,
/// CRLF becomes LF, long descriptions wrap at 100) then symfony/yaml's
/// `Yaml::dump($data, 10, 2, DUMP_MULTI_LINE_LITERAL_BLOCK | DUMP_OBJECT_AS_MAP)`.
enum PelicanEggYAML {
    static func text(_ structure: JSONValue) -> String {
        var output = ""
        block(prepared(structure, key: nil), level: 0, into: &output)
        return output
    }

    /// `yamlExport`.
    static func prepared(_ value: JSONValue, key: String?) -> JSONValue {
        switch value {
        case .string(let text):
            if key?.lowercased() == "description", text.contains("\n") || text.count > 80 { return .string(wordWrap(text, width: 100)) }
            if let decoded = try? JSONParser.parse(Array(text.utf8)) { return prepared(decoded, key: nil) }
            return .string(text.replacingOccurrences(of: "\r\n", with: "\n"))
        case .array(let items): return .array(items.map { prepared($0, key: nil) })
        case .object(let pairs): return .object(pairs.map { ($0.0, prepared($0.1, key: $0.0)) })
        default: return value
        }
    }

    /// PHP's `wordwrap($text, $width, "\n")` without cutting words.
    static func wordWrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if current.isEmpty { current = String(word); continue }
                if current.count + 1 + word.count > width { lines.append(current); current = String(word) } else { current += " " + word }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    private static func block(_ value: JSONValue, level: Int, into output: inout String) {
        let prefix = String(repeating: " ", count: level * 2)
        let entries: [(String?, JSONValue)]
        switch value {
        case .object(let pairs): entries = pairs.map { ($0.0, $0.1) }
        case .array(let items): entries = items.map { (nil, $0) }
        default: output += inline(value) + "\n"; return
        }
        for (key, child) in entries {
            let lead = prefix + (key.map { inline(.string($0)) + ":" } ?? "-")
            switch child {
            case .object(let pairs) where !pairs.isEmpty:
                output += lead + "\n"
                block(child, level: level + 1, into: &output)
            case .array(let items) where !items.isEmpty:
                output += lead + "\n"
                block(child, level: level + 1, into: &output)
            case .string(let text) where text.contains("\n") && !text.contains("\r"):
                let chomping = text.hasSuffix("\n\n") ? "+" : (text.hasSuffix("\n") ? "" : "-")
                let indicator = text.hasPrefix(" ") ? "2" : ""
                output += lead + " |" + indicator + chomping
                var rows = text.split(separator: "\n", omittingEmptySubsequences: false)
                if text.hasSuffix("\n") { rows.removeLast() }
                for row in rows { output += row.isEmpty ? "\n" : "\n" + prefix + "  " + row }
                output += "\n"
            default:
                output += lead + " " + inline(child) + "\n"
            }
        }
    }

    /// `Inline::dump`: an empty array is `{  }`, a string is single-quoted when plain would
    /// read as something else, double-quoted when it holds control characters.
    static func inline(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .array(let items) where items.isEmpty: return "{  }"
        case .object(let pairs) where pairs.isEmpty: return "{  }"
        case .array(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .object(let pairs): return "{ " + pairs.map { inline(.string($0.0)) + ": " + inline($0.1) }.joined(separator: ", ") + " }"
        case .string(let text): return scalar(text)
        }
    }

    private static func scalar(_ text: String) -> String {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }) || text.contains("\n") {
            return "\"" + JSONSerializer.string(.string(text)).dropFirst().dropLast().replacingOccurrences(of: "\\/", with: "/") + "\""
        }
        let reserved: Set<String> = ["", "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let special = text.contains { " \t'\":{}[],&*#?".contains($0) } || "-?|<>=!%@`".contains(text.first ?? " ")
        if special || reserved.contains(text.lowercased()) || Double(text) != nil || text.hasPrefix(".") {
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
        return text
    }
}
