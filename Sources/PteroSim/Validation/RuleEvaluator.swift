import Foundation

/// Decides a single rule for a single value, following Laravel's type juggling.
enum RuleEvaluator {
    static func passes(_ rule: Rule, value: JSONValue?, kind: SizeKind, body: JSONValue, path: String) -> Bool {
        switch rule {
        case .required: return isFilled(value)
        case .present: return value != nil
        case .filled: return value == nil || isFilled(value)
        case .requiredUnless(let other, let values):
            let otherValue = Validator.lookup(other, in: body).flatMap(scalarText)
            if let otherValue, values.contains(otherValue) { return true }
            return isFilled(value)
        case .requiredWith(let other):
            return !isFilled(Validator.lookup(other, in: body)) || isFilled(value)
        case .requiredWithout(let other):
            return isFilled(Validator.lookup(other, in: body)) || isFilled(value)
        case .nullable: return true
        default: break
        }
        let value = value ?? .null
        switch rule {
        case .string: return value.stringValue != nil
        case .integer: return isInteger(value)
        case .numeric: return number(value) != nil
        case .boolean:
            switch value {
            case .bool: return true
            case .int(let number): return number == 0 || number == 1
            case .string(let text): return text == "0" || text == "1"
            default: return false
            }
        case .array:
            switch value { case .array, .object: return true; default: return false }
        case .email: return isEmail(value.stringValue ?? "")
        case .url: return isURL(value.stringValue ?? "")
        case .ip: return IPAddress.isValid(value.stringValue ?? "")
        case .alphaDash: return matches(scalarText(value) ?? "", "^[\\p{L}\\p{M}\\p{N}_-]+$")
        case .alphaNumeric: return matches(scalarText(value) ?? "", "^[\\p{L}\\p{M}\\p{N}]+$")
        case .min(let bound): return size(value, kind) >= bound
        case .max(let bound): return size(value, kind) <= bound
        case .between(let low, let high): return (low...high).contains(size(value, kind))
        case .size(let expected): return size(value, kind) == Double(expected)
        case .digitsBetween(let low, let high):
            guard let text = scalarText(value), matches(text, "^[0-9]+$") else { return false }
            return (low...high).contains(text.count)
        case .in(let allowed): return scalarText(value).map(allowed.contains) ?? false
        case .regex(let pattern):
            guard let text = scalarText(value) else { return false }
            return matches(text, phpPattern: pattern)
        case .confirmed:
            let confirmation = Validator.lookup(path + "_confirmation", in: body)
            return confirmation.flatMap(scalarText) == scalarText(value)
        case .username:
            guard let text = value.stringValue else { return false }
            return matches(text.lowercased(), "^[a-z0-9]([\\w.-]+)[a-z0-9]$")
        case .check(_, let passes): return passes(value)
        default: return true
        }
    }

    static func isFilled(_ value: JSONValue?) -> Bool {
        guard let value else { return false }
        switch value {
        case .null: return false
        case .string(let text): return !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let pairs): return !pairs.isEmpty
        default: return true
        }
    }

    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "1" : "0"
        default: return nil
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return matches(trimmed, "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$") ? Double(trimmed) : nil
        default: return nil
        }
    }

    /// The id an `exists`/`unique` query would match: MySQL compares `'5'` with 5 as equal, so an
    /// id column matches an integer or the text of one, but not 5.5 or "x".
    static func databaseId(_ value: JSONValue) -> Int? {
        if let number = value.intValue { return number }
        guard let text = value.stringValue, matches(text, "^[0-9]{1,18}$") else { return nil }
        return Int(text)
    }

    static func isInteger(_ value: JSONValue) -> Bool {
        switch value {
        case .int: return true
        // Laravel's `integer` is filter_var(FILTER_VALIDATE_INT) on PHP's text of the float, which has
        // 14 significant digits (php.ini `precision`): 5.0 is "5", 1e14 is "1.0E+14" and fails, and so
        // does a JSON integer beyond Int64, which json_decode makes a float.
        case .double(let number): return number == number.rounded() && abs(number) < 1e14
        case .bool(let flag): return flag
        case .string(let text): return matches(text.trimmingCharacters(in: .whitespaces), "^[+-]?[0-9]+$")
        default: return false
        }
    }

    private static func size(_ value: JSONValue, _ kind: SizeKind) -> Double {
        // Laravel measures arrays by count whatever the declared type (unless numeric).
        if kind != .numeric {
            if case .array(let items) = value { return Double(items.count) }
            if case .object(let pairs) = value { return Double(pairs.count) }
        }
        switch kind {
        case .numeric: return number(value) ?? 0
        case .array:
            switch value {
            case .array(let items): return Double(items.count)
            case .object(let pairs): return Double(pairs.count)
            default: return 0
            }
        case .string: return Double(scalarText(value)?.count ?? 0)
        }
    }

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(" ")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }

    private static func isURL(_ text: String) -> Bool {
        matches(text, "^(https?|ftp)://[^\\s/$.?#][^\\s]*$")
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Matches a PHP-delimited pattern such as `/^[\w.-]+$/i`.
    static func matches(_ text: String, phpPattern: String) -> Bool {
        guard let delimiter = phpPattern.first, let end = phpPattern.lastIndex(of: delimiter), end != phpPattern.startIndex
        else { return matches(text, phpPattern) }
        let body = String(phpPattern[phpPattern.index(after: phpPattern.startIndex)..<end])
        let flags = phpPattern[phpPattern.index(after: end)...]
        let options: NSRegularExpression.Options = flags.contains("i") ? [.caseInsensitive] : []
        guard let expression = try? NSRegularExpression(pattern: body, options: options) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
