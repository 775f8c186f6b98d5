import Foundation

/// TOML 1.0's integers and floats, read to the letter of the spec: `_` only
/// between digits, no leading zero, `0x`/`0o`/`0b` without a sign, 64-bit
/// range (a larger integer is an error, not a wrapped or rounded number).
enum TOMLNumber {
    /// The number `token` spells, nil when it is not one; an integer out of
    /// range is an error with the line.
    static func value(_ token: String, line: Int) throws(TOMLSubset.SyntaxError) -> TOMLSubset.Value? {
        var body = Substring(token)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        if ["inf", "nan"].contains(body) {
            return .float(body == "inf" ? (sign == "-" ? -.infinity : .infinity) : .nan)
        }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where body.hasPrefix(prefix) {
            guard sign.isEmpty, token.first != "+", let digits = digits(body.dropFirst(2), radix: radix) else { return nil }
            guard let integer = Int(digits, radix: radix) else { throw outOfRange(line) }
            return .integer(integer)
        }
        let exponentStart = body.firstIndex { $0 == "e" || $0 == "E" }
        let mantissa = body[..<(exponentStart ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: ".")
        guard let whole = digits(mantissa[..<(dot ?? mantissa.endIndex)], radix: 10),
              whole == "0" || !whole.hasPrefix("0") else { return nil }
        var fraction = ""
        if let dot {
            guard let digits = digits(mantissa[mantissa.index(after: dot)...], radix: 10) else { return nil }
            fraction = "." + digits
        }
        var exponent = ""
        if let exponentStart {
            var text = body[body.index(after: exponentStart)...]
            var exponentSign = ""
            if let first = text.first, first == "+" || first == "-" {
                exponentSign = String(first)
                text = text.dropFirst()
            }
            guard let digits = digits(text, radix: 10) else { return nil }
            exponent = "e" + exponentSign + digits
        }
        if fraction.isEmpty && exponent.isEmpty {
            guard let integer = Int(sign + whole) else { throw outOfRange(line) }
            return .integer(integer)
        }
        return Double(sign + whole + fraction + exponent).map { .float($0) }
    }

    /// The digits of `text` without their `_` separators, or nil when
    /// `text` is empty, holds another character, or misplaces a `_`.
    static func digits(_ text: Substring, radix: Int) -> String? {
        guard let first = text.first, let last = text.last, first != "_", last != "_", !text.contains("__") else { return nil }
        let digits = text.filter { $0 != "_" }
        guard digits.allSatisfy({ $0.isASCII && $0.hexDigitValue.map { $0 < radix } == true }) else { return nil }
        return String(digits)
    }

    static func outOfRange(_ line: Int) -> TOMLSubset.SyntaxError {
        TOMLSubset.SyntaxError(line: line, message: "an integer past the 64-bit range (\(Int.min) to \(Int.max))")
    }

    /// `1979-05-27`, `07:32:00`, `1979-05-27T07:32:00Z`: TOML's dates and times.
    static func looksLikeDateOrTime(_ token: String) -> Bool {
        let shape = token.map { $0.isASCII && $0.isNumber ? "9" : $0 }
        return String(shape).hasPrefix("9999-99-99") || String(shape).hasPrefix("99:99")
    }
}
