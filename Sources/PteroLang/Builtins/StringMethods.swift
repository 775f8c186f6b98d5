/// Methods of strings; strings never change, so each returns a new value.
enum StringMethods {
    typealias Method = @Sendable (String, inout Arguments, Interpreter) throws -> Value

    static let table: [String: Method] = [
        "upper": { text, arguments, _ in try arguments.expect(0...0); return .string(text.uppercased()) },
        "lower": { text, arguments, _ in try arguments.expect(0...0); return .string(text.lowercased()) },
        "trim": { text, arguments, _ in try arguments.expect(0...0); return .string(text.trimmingWhitespace()) },
        "split": { text, arguments, interpreter in
            try arguments.expect(0...1)
            let parts: [Substring]
            if arguments.count == 0 {
                parts = text.split(whereSeparator: { $0.isWhitespace })
            } else {
                let separator = try arguments.string(0, "separator")
                parts = separator.isEmpty ? text.map { Substring(String($0)) }
                    : text.split(separator: separator, omittingEmptySubsequences: false)
            }
            try interpreter.limits.checkCount(parts.count, "split()'s list")
            return .list(ListObject(parts.map { .string(String($0)) }))
        },
        "lines": { text, arguments, interpreter in
            try arguments.expect(0...0)
            var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            if lines.last == "" { lines.removeLast() }
            try interpreter.limits.checkCount(lines.count, "lines()'s list")
            return .list(ListObject(lines.map { .string(String($0)) }))
        },
        "replace": { text, arguments, interpreter in
            try arguments.expect(2...2)
            let old = try arguments.string(0, "text to replace")
            guard !old.isEmpty else { throw RuntimeError("replace() cannot replace an empty string") }
            let new = try arguments.string(1, "replacement")
            if new.utf8.count > old.utf8.count {
                // Each replacement adds the difference: counted before the text is built.
                let growth = ValueLimits.product(text.ranges(of: old).count, new.utf8.count - old.utf8.count)
                try interpreter.limits.checkString(bytes: ValueLimits.sum(text.utf8.count, growth), "replace()'s result")
            }
            return .string(text.replacing(old, with: new))
        },
        "starts_with": { text, arguments, _ in try arguments.expect(1...1); return .bool(text.hasPrefix(try arguments.string(0, "prefix"))) },
        "ends_with": { text, arguments, _ in try arguments.expect(1...1); return .bool(text.hasSuffix(try arguments.string(0, "suffix"))) },
        "contains": { text, arguments, _ in try arguments.expect(1...1); return .bool(text.contains(try arguments.string(0, "text to find"))) },
        "index_of": { text, arguments, _ in
            try arguments.expect(1...1)
            guard let found = text.firstRange(of: try arguments.string(0, "text to find")) else { return .null }
            return .int(text.distance(from: text.startIndex, to: found.lowerBound))
        },
        "repeat": { text, arguments, interpreter in
            try arguments.expect(1...1)
            return try Operators.arithmetic(.multiply, .string(text), .int(try arguments.int(0, "count")), limits: interpreter.limits)
        },
        "pad_left": { text, arguments, interpreter in try pad(text, &arguments, left: true, limits: interpreter.limits) },
        "pad_right": { text, arguments, interpreter in try pad(text, &arguments, left: false, limits: interpreter.limits) },
        "match": { text, arguments, interpreter in
            try arguments.expect(1...1)
            guard let found = try interpreter.regexMatches(of: try arguments.string(0, "pattern"), in: text, all: false).first else {
                return .null
            }
            return .list(ListObject(found.map { range in range.map { .string(String(text[$0])) } ?? .null }))
        },
        "regex_replace": { text, arguments, interpreter in
            try arguments.expect(2...2)
            let pattern = try arguments.string(0, "pattern")
            let template = try arguments.string(1, "replacement")
            let found = try interpreter.regexMatches(of: pattern, in: text, all: true)
            var result = ""
            var kept = text.startIndex
            for match in found {
                guard let whole = match[0] else { continue }
                result += text[kept..<whole.lowerBound]
                try expand(template, match, in: text, into: &result)
                kept = whole.upperBound
                try interpreter.limits.checkString(bytes: result.utf8.count, "regex_replace()'s result")
            }
            result += text[kept...]
            try interpreter.limits.checkString(bytes: result.utf8.count, "regex_replace()'s result")
            return .string(result)
        },
    ]

    /// A `regex_replace` replacement with `$0`...`$9` for the match and its
    /// groups (empty when a group did not take part) and `$$` for a `$`.
    static func expand(_ template: String, _ found: BoundedRegex.Match, in text: String, into result: inout String) throws {
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
            if let range = found[group] { result += text[range] }
        }
    }

    /// `pad_left(width, fill)`: right-aligns text in `width` characters.
    static func pad(_ text: String, _ arguments: inout Arguments, left: Bool, limits: ValueLimits) throws -> Value {
        try arguments.expect(1...2)
        let width = try arguments.int(0, "width")
        guard width <= 1_000_000 else { throw RuntimeError("\(arguments.callee)() width is too large") }
        let fill = arguments.count > 1 ? try arguments.string(1, "fill character") : " "
        guard fill.count == 1 else { throw RuntimeError("\(arguments.callee)() fill must be one character") }
        // A negative width pads nothing (`width - count` overflowed at -2^63);
        // one character may be many bytes (a letter and a thousand accents).
        let missing = width > text.count ? width - text.count : 0
        try limits.checkString(bytes: ValueLimits.sum(text.utf8.count, ValueLimits.product(fill.utf8.count, missing)),
                               "\(arguments.callee)()'s result")
        let padding = String(repeating: fill, count: missing)
        return .string(left ? padding + text : text + padding)
    }
}
