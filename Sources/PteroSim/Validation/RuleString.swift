/// Parses an egg variable's Laravel rule string (`required|string|max:20`) into rules.
enum RuleString {
    static func parse(_ text: String) -> [Rule] {
        var rules: [Rule] = []
        var remaining = Substring(text)
        while !remaining.isEmpty {
            let piece: Substring
            if remaining.hasPrefix("regex:") {
                // A regex may itself contain `|`; it runs to the closing delimiter.
                let pattern = remaining.dropFirst(6)
                if let delimiter = pattern.first,
                   let close = pattern.dropFirst().lastIndex(of: delimiter) {
                    var end = pattern.index(after: close)
                    while end < pattern.endIndex, pattern[end] != "|" { end = pattern.index(after: end) }
                    piece = remaining[remaining.startIndex..<end]
                } else {
                    piece = remaining
                }
            } else {
                piece = remaining.prefix { $0 != "|" }
            }
            remaining = remaining.dropFirst(piece.count)
            if remaining.hasPrefix("|") { remaining = remaining.dropFirst() }
            if let rule = rule(piece) { rules.append(rule) }
        }
        return rules
    }

    private static func rule(_ piece: Substring) -> Rule? {
        let parts = piece.split(separator: ":", maxSplits: 1)
        let name = parts.first.map(String.init) ?? ""
        let argument = parts.count > 1 ? String(parts[1]) : ""
        let numbers = argument.split(separator: ",").compactMap { Double($0) }
        switch name {
        case "required": return .required
        case "nullable": return .nullable
        case "string": return .string
        case "integer": return .integer
        case "numeric": return .numeric
        case "boolean": return .boolean
        case "alpha_dash": return .alphaDash
        case "alpha_num": return .alphaNumeric
        case "url": return .url
        case "email": return .email
        case "min": return numbers.first.map { .min($0) }
        case "max": return numbers.first.map { .max($0) }
        case "size": return numbers.first.map { .size(Int($0)) }
        case "between": return numbers.count == 2 ? .between(numbers[0], numbers[1]) : nil
        case "digits_between": return numbers.count == 2 ? .digitsBetween(Int(numbers[0]), Int(numbers[1])) : nil
        case "in": return .in(argument.split(separator: ",").map(String.init))
        case "regex": return .regex(argument)
        default: return nil
        }
    }
}
