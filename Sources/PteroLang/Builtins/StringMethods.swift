/// Methods of strings; strings never change, so each returns a new value.
enum StringMethods {
    typealias Method = @Sendable (String, inout Arguments, Interpreter) throws -> Value

    static let table: [String: Method] = [
        "upper": { text, arguments, _ in try arguments.expect(0...0); return .string(text.uppercased()) },
        "lower": { text, arguments, _ in try arguments.expect(0...0); return .string(text.lowercased()) },
        "trim": { text, arguments, _ in try arguments.expect(0...0); return .string(text.trimmingWhitespace()) },
        "split": { text, arguments, _ in
            try arguments.expect(0...1)
            if arguments.count == 0 {
                return .list(ListObject(text.split(whereSeparator: { $0.isWhitespace }).map { .string(String($0)) }))
            }
            let separator = try arguments.string(0, "separator")
            guard !separator.isEmpty else { return .list(ListObject(text.map { .string(String($0)) })) }
            return .list(ListObject(text.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) }))
        },
        "lines": { text, arguments, _ in
            try arguments.expect(0...0)
            var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { String($0) }
            if lines.last == "" { lines.removeLast() }
            return .list(ListObject(lines.map { .string($0) }))
        },
        "replace": { text, arguments, _ in
            try arguments.expect(2...2)
            let old = try arguments.string(0, "text to replace")
            guard !old.isEmpty else { throw RuntimeError("replace() cannot replace an empty string") }
            return .string(text.replacing(old, with: try arguments.string(1, "replacement")))
        },
        "starts_with": { text, arguments, _ in try arguments.expect(1...1); return .bool(text.hasPrefix(try arguments.string(0, "prefix"))) },
        "ends_with": { text, arguments, _ in try arguments.expect(1...1); return .bool(text.hasSuffix(try arguments.string(0, "suffix"))) },
        "contains": { text, arguments, _ in try arguments.expect(1...1); return .bool(text.contains(try arguments.string(0, "text to find"))) },
        "index_of": { text, arguments, _ in
            try arguments.expect(1...1)
            guard let found = text.firstRange(of: try arguments.string(0, "text to find")) else { return .null }
            return .int(text.distance(from: text.startIndex, to: found.lowerBound))
        },
        "repeat": { text, arguments, _ in
            try arguments.expect(1...1)
            return try Operators.arithmetic(.multiply, .string(text), .int(try arguments.int(0, "count")))
        },
        "pad_left": { text, arguments, _ in try pad(text, &arguments, left: true) },
        "pad_right": { text, arguments, _ in try pad(text, &arguments, left: false) },
        "match": { text, arguments, interpreter in
            try arguments.expect(1...1)
            let regex = try interpreter.regex(try arguments.string(0, "pattern"))
            guard let found = try regex.firstMatch(in: text) else { return .null }
            return .list(ListObject(found.indices.map { index in found[index].substring.map { .string(String($0)) } ?? .null }))
        },
        "regex_replace": { text, arguments, interpreter in
            try arguments.expect(2...2)
            let regex = try interpreter.regex(try arguments.string(0, "pattern"))
            let template = try arguments.string(1, "replacement")
            return .string(try text.replacing(regex) { found in try expand(template, found) })
        },
    ]

    /// A `regex_replace` replacement with `$0`...`$9` for the match and its
    /// groups (empty when a group did not take part) and `$$` for a `$`.
    static func expand(_ template: String, _ found: Regex<AnyRegexOutput>.Match) throws -> String {
        var result = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "$" else { result.append(character); continue }
            guard let next = characters.next() else { result.append("$"); break }
            if next == "$" { result.append("$"); continue }
            guard let group = next.wholeNumberValue else {
                throw RuntimeError("regex_replace(): '$' must be followed by a group number 0-9 or '$', found '\(next)'")
            }
            guard group < found.count else {
                throw RuntimeError("regex_replace(): the pattern has no group \(group)")
            }
            result += found[group].substring.map(String.init) ?? ""
        }
        return result
    }

    /// `pad_left(width, fill)`: right-aligns text in `width` characters.
    static func pad(_ text: String, _ arguments: inout Arguments, left: Bool) throws -> Value {
        try arguments.expect(1...2)
        let width = try arguments.int(0, "width")
        guard width <= 1_000_000 else { throw RuntimeError("\(arguments.callee)() width is too large") }
        let fill = arguments.count > 1 ? try arguments.string(1, "fill character") : " "
        guard fill.count == 1 else { throw RuntimeError("\(arguments.callee)() fill must be one character") }
        let padding = String(repeating: fill, count: max(0, width - text.count))
        return .string(left ? padding + text : text + padding)
    }
}

extension Interpreter {
    /// Compiles a pattern once per interpreter; `~` in a loop reuses it.
    func regex(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        if let cached = regexCache[pattern] { return cached }
        do {
            let compiled = try Regex(pattern)
            if regexCache.count > 256 { regexCache.removeAll() }
            regexCache[pattern] = compiled
            return compiled
        } catch {
            throw RuntimeError("invalid regular expression \(Value.quote(pattern)): \(error)")
        }
    }

    func regexMatches(_ text: Value, _ pattern: Value) throws -> Bool {
        guard case .string(let subject) = text, case .string(let expression) = pattern else {
            throw RuntimeError("'~' matches a string against a pattern string, not \(text.typeName) and \(pattern.typeName)")
        }
        return try regex(expression).firstMatch(in: subject) != nil
    }
}
