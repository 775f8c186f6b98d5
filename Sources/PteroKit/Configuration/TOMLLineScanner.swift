/// Reads the keys and values of one line of TOML 1.0 (toml.io/en/v1.0.0):
/// bare, quoted and dotted keys; basic and literal strings with every
/// escape; integers in the four bases; floats; booleans; arrays on one
/// line. What a profile list never needs (multi-line strings and arrays,
/// inline tables, dates) is refused with `TOMLSubset.unsupported`, never
/// read as something else.
struct TOMLLineScanner {
    let scalars: [Unicode.Scalar]
    let line: Int
    var position = 0

    init(_ text: Substring.UnicodeScalarView, line: Int) {
        scalars = Array(text)
        self.line = line
    }

    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    func error(_ message: String) -> TOMLSubset.SyntaxError {
        TOMLSubset.SyntaxError(line: line, message: message)
    }

    mutating func skipWhitespace() {
        while current == " " || current == "\t" { position += 1 }
    }

    /// Whether only blanks and perhaps a `#` comment are left.
    mutating func atEndOfLine() -> Bool {
        skipWhitespace()
        return current == nil || current == "#"
    }

    /// `a`, `"a.b"`, `a . 'b' . c`: the parts of a dotted key.
    mutating func key() throws(TOMLSubset.SyntaxError) -> [String] {
        var parts: [String] = []
        while true {
            skipWhitespace()
            parts.append(try keyPart())
            skipWhitespace()
            guard current == "." else { return parts }
            position += 1
        }
    }

    static func isBare(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    mutating func keyPart() throws(TOMLSubset.SyntaxError) -> String {
        switch current {
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" { throw error("a key is not written with \"\"\"") }
            return try basicString()
        case "'":
            if peek(1) == "'" && peek(2) == "'" { throw error("a key is not written with '''") }
            return try literalString()
        default:
            var part = String.UnicodeScalarView()
            while let scalar = current, Self.isBare(scalar) {
                part.append(scalar)
                position += 1
            }
            guard !part.isEmpty else { throw error("expected a key (letters, digits, _ and -, or a \"quoted\" name)") }
            return String(part)
        }
    }

    /// A value, with what follows it left unread.
    mutating func value() throws(TOMLSubset.SyntaxError) -> TOMLSubset.Value {
        skipWhitespace()
        switch current {
        case nil, "#":
            throw error("a value is missing after =")
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" { throw TOMLSubset.unsupported(line, "multi-line strings (\"\"\"); write the string on one line with \\n") }
            return .string(try basicString())
        case "'":
            if peek(1) == "'" && peek(2) == "'" { throw TOMLSubset.unsupported(line, "multi-line literal strings ('''); write the string on one line") }
            return .string(try literalString())
        case "[":
            return try array()
        case "{":
            throw TOMLSubset.unsupported(line, "inline tables ({ ... }); write a [table] header instead")
        default:
            return try scalarValue()
        }
    }

    mutating func array() throws(TOMLSubset.SyntaxError) -> TOMLSubset.Value {
        position += 1
        var elements: [TOMLSubset.Value] = []
        while true {
            if atEndOfLine() { throw TOMLSubset.unsupported(line, "an array that goes on past its line; write it on one line") }
            if current == "]" {
                position += 1
                return .array(elements)
            }
            elements.append(try value())
            if atEndOfLine() { throw TOMLSubset.unsupported(line, "an array that goes on past its line; write it on one line") }
            switch current {
            case ",": position += 1
            case "]": continue
            default: throw error("array elements are separated by commas")
            }
        }
    }

    /// `"..."`: every TOML escape; a raw control character is refused.
    mutating func basicString() throws(TOMLSubset.SyntaxError) -> String {
        position += 1
        var text = String.UnicodeScalarView()
        while let scalar = current {
            position += 1
            switch scalar {
            case "\"":
                return String(text)
            case "\\":
                text.append(try escape())
            default:
                if Self.isControl(scalar) { throw error("a control character in a string is written as an escape (\\u00XX)") }
                text.append(scalar)
            }
        }
        throw error("a string is not closed on its line (missing \")")
    }

    mutating func escape() throws(TOMLSubset.SyntaxError) -> Unicode.Scalar {
        guard let letter = current else { throw error("a string is not closed on its line (missing \")") }
        position += 1
        switch letter {
        case "b": return "\u{8}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u": return try hexScalar(digits: 4)
        case "U": return try hexScalar(digits: 8)
        default: throw error("unknown escape \\\(VisibleText.escaping(String(letter))) in a string")
        }
    }

    mutating func hexScalar(digits: Int) throws(TOMLSubset.SyntaxError) -> Unicode.Scalar {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = current, scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else {
                throw error("\\\(digits == 4 ? "u" : "U") takes exactly \(digits) hex digits")
            }
            value = value * 16 + digit
            position += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("U+\(String(value, radix: 16, uppercase: true)) is not a Unicode character (a surrogate or past U+10FFFF)")
        }
        return scalar
    }

    /// `'...'`: read as written, no escapes.
    mutating func literalString() throws(TOMLSubset.SyntaxError) -> String {
        position += 1
        var text = String.UnicodeScalarView()
        while let scalar = current {
            position += 1
            if scalar == "'" { return String(text) }
            if Self.isControl(scalar) { throw error("a control character cannot be in a 'literal string'") }
            text.append(scalar)
        }
        throw error("a string is not closed on its line (missing ')")
    }

    /// Controls TOML forbids raw in a string: all but tab.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    /// `true`, `false`, a number, or a date (refused).
    mutating func scalarValue() throws(TOMLSubset.SyntaxError) -> TOMLSubset.Value {
        var token = ""
        while let scalar = current, Self.isBare(scalar) || "+.:".unicodeScalars.contains(scalar) {
            token.unicodeScalars.append(scalar)
            position += 1
        }
        if token == "true" { return .boolean(true) }
        if token == "false" { return .boolean(false) }
        if let number = try TOMLNumber.value(token, line: line) { return number }
        if TOMLNumber.looksLikeDateOrTime(token) {
            throw TOMLSubset.unsupported(line, "dates and times; write the time as a \"string\"")
        }
        throw error("not a TOML value (a setting is a \"string\", an integer, true or false)")
    }
}
