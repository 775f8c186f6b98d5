/// Numbers and strings: the two literal forms with rules worth a file.
extension Lexer {
    /// Size suffixes give MiB, the panel's unit for memory and disk.
    static let sizeSuffixes: [(String, Int)] = [("MB", 1), ("GB", 1024), ("TB", 1024 * 1024)]

    mutating func scanNumber() -> TokenKind {
        let start = position
        var isDouble = false
        consumeDigits()
        if peekByte() == UInt8(ascii: "."), isDigitByte(peekByte(1)) {
            isDouble = true
            position += 1
            consumeDigits()
        }
        if peekByte() == UInt8(ascii: "e") || peekByte() == UInt8(ascii: "E") {
            let sign = peekByte(1) == UInt8(ascii: "+") || peekByte(1) == UInt8(ascii: "-") ? 1 : 0
            if isDigitByte(peekByte(1 + sign)) {
                isDouble = true
                position += 1 + sign
                consumeDigits()
            }
        }
        let written = String(decoding: sourceBytes[start..<position], as: UTF8.self)
        let digits = written.replacingUnderscores()
        var multiplier = 0
        for (suffix, factor) in Lexer.sizeSuffixes where matchesWord(suffix) {
            multiplier = factor
            position += suffix.utf8.count
            break
        }
        if position < endOffset, isWordByte(sourceBytes[position]) {
            while position < endOffset, isWordByte(sourceBytes[position]) { position += 1 }
            let text = String(decoding: sourceBytes[start..<position], as: UTF8.self)
            return .invalid("invalid number '\(text)' (size suffixes are MB, GB and TB)")
        }
        if written.hasSuffix("_") || written.contains("__") || written.contains("_.") || written.contains("._") {
            return .invalid("misplaced '_' in number")
        }
        if multiplier > 0 {
            guard let value = Double(digits) else { return .invalid("invalid number") }
            let mebibytes = value * Double(multiplier)
            guard mebibytes == mebibytes.rounded(), abs(mebibytes) < 9.2e18 else {
                return .invalid("size \(digits)\(multiplier == 1 ? "MB" : multiplier == 1024 ? "GB" : "TB") is not a whole number of MiB")
            }
            return .integer(Int(mebibytes))
        }
        if isDouble {
            guard let value = Double(digits), value.isFinite else { return .invalid("number is too large") }
            return .double(value)
        }
        guard let value = Int(digits) else {
            return .invalid("integer literal \(digits) does not fit in 64 bits")
        }
        return .integer(value)
    }

    private mutating func consumeDigits() {
        while position < endOffset, isDigitByte(sourceBytes[position]) || sourceBytes[position] == UInt8(ascii: "_") {
            position += 1
        }
    }

    private func matchesWord(_ word: String) -> Bool {
        let wordBytes = Array(word.utf8)
        guard position + wordBytes.count <= endOffset else { return false }
        for (index, byte) in wordBytes.enumerated() where sourceBytes[position + index] != byte { return false }
        let after = position + wordBytes.count
        return after >= endOffset || !isWordByte(sourceBytes[after])
    }

    mutating func scanString(quote: UInt8) -> TokenKind {
        let interpolates = quote == UInt8(ascii: "\"")
        var parts: [TemplatePart] = []
        var text: [UInt8] = []
        // The first problem found; scanning goes on to the closing quote so
        // the rest of the line is not read as code.
        var problem: String?
        while true {
            guard position < endOffset, sourceBytes[position] != UInt8(ascii: "\n") else {
                return .invalid("unterminated string")
            }
            let byte = sourceBytes[position]
            position += 1
            if byte == quote { break }
            if byte == UInt8(ascii: "\\") {
                guard position < endOffset else { return .invalid("unterminated string") }
                let escaped = sourceBytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): text.append(10)
                case UInt8(ascii: "t"): text.append(9)
                case UInt8(ascii: "r"): text.append(13)
                case UInt8(ascii: "0"): text.append(0)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    text.append(escaped)
                case UInt8(ascii: "u"):
                    switch scanUnicodeEscape() {
                    case .success(let scalar): text.append(contentsOf: String(scalar).utf8)
                    case .failure(let message): problem = problem ?? message.text
                    }
                default:
                    let shown = String(decoding: [escaped], as: UTF8.self)
                    problem = problem ?? "unknown escape sequence '\\\(shown)'"
                }
            } else if interpolates && byte == UInt8(ascii: "{") {
                let codeStart = position
                guard let codeEnd = scanInterpolation() else {
                    return .invalid("unterminated '{' in string; write '\\{' for a literal brace")
                }
                if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                text.removeAll()
                parts.append(.code(SourceRange(start: codeStart, end: codeEnd)))
            } else {
                text.append(byte)
            }
        }
        if let problem { return .invalid(problem) }
        let last = String(decoding: text, as: UTF8.self)
        if parts.isEmpty { return .string(last) }
        if !last.isEmpty { parts.append(.text(last)) }
        return .template(parts)
    }

    struct EscapeProblem: Error { let text: String }

    /// After `\u`: `{` one to six hex digits `}` naming a Unicode scalar, so
    /// a script can write what has no key (`\u{1B}`, `\u{FEFF}`, `\u{A0}`).
    private mutating func scanUnicodeEscape() -> Result<Unicode.Scalar, EscapeProblem> {
        let form = EscapeProblem(text: "'\\u' needs a code point in braces, like '\\u{1F3AE}'")
        guard position < endOffset, sourceBytes[position] == UInt8(ascii: "{") else { return .failure(form) }
        var end = position + 1
        var value: UInt32 = 0
        while end < endOffset, end - position <= 7, let digit = hexDigitValue(sourceBytes[end]) {
            value = value << 4 | digit
            end += 1
        }
        let digits = String(decoding: sourceBytes[(position + 1)..<end], as: UTF8.self)
        guard end < endOffset, sourceBytes[end] == UInt8(ascii: "}"), (1...6).contains(digits.count) else { return .failure(form) }
        position = end + 1
        guard let scalar = Unicode.Scalar(value) else {
            return .failure(EscapeProblem(text: "'\\u{\(digits)}' is not a Unicode scalar value (surrogates and values past 10FFFF are not)"))
        }
        return .success(scalar)
    }

    /// Finds the `}` closing an interpolation, skipping nested braces and
    /// strings; returns its offset and moves past it.
    private mutating func scanInterpolation() -> Int? {
        var depth = 0
        while position < endOffset, sourceBytes[position] != UInt8(ascii: "\n") {
            let byte = sourceBytes[position]
            if byte == UInt8(ascii: "}") {
                if depth == 0 {
                    position += 1
                    return position - 1
                }
                depth -= 1
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                position += 1
                if case .invalid = scanString(quote: byte) { return nil }
                continue
            }
            position += 1
        }
        return nil
    }

    private func peekByte(_ ahead: Int = 0) -> UInt8 {
        position + ahead < endOffset ? sourceBytes[position + ahead] : 0
    }
    private func isDigitByte(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || isDigitByte(byte)
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

/// The value of one hex digit (`0`-`9`, `a`-`f`, `A`-`F`), for `\\u{...}` in
/// ptero strings and `\\uXXXX` in JSON; nil for any other byte.
func hexDigitValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}
