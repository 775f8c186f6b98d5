/// Turns source bytes into tokens. Newlines become tokens only where they
/// end a statement: not inside `(...)` or `[...]`, not after a token that
/// continues the line, and not before a line that starts with `.member`.
struct Lexer {
    let source: Source
    let sourceBytes: [UInt8]
    var position: Int
    let endOffset: Int
    /// The open brackets; `{` re-enables newlines inside `(` (a lambda body).
    private var brackets: [UInt8] = []
    private var previous: TokenKind = .newline
    private var sawLineBreak = true

    init(source: Source, range: SourceRange? = nil) {
        self.source = source
        self.sourceBytes = source.bytes
        self.position = range?.start ?? 0
        self.endOffset = range?.end ?? source.bytes.count
        if range != nil { brackets = [UInt8(ascii: "(")] }
    }

    /// Every token up to and including `.end`.
    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        position + ahead < endOffset ? sourceBytes[position + ahead] : 0
    }

    private mutating func next() -> Token {
        while true {
            skipSpaceAndComments()
            let start = position
            guard position < endOffset else {
                if !newlinesSuppressed && !previousIsNewlineLike && !previous.continuesLine {
                    previous = .newline
                    return Token(kind: .newline, range: SourceRange(start: start, end: start))
                }
                return Token(kind: .end, range: SourceRange(start: start, end: start))
            }
            let byte = sourceBytes[position]
            if byte == UInt8(ascii: "\n") {
                position += 1
                sawLineBreak = true
                if newlinesSuppressed || previousIsNewlineLike || previous.continuesLine || nextLineStartsWithMember() {
                    continue
                }
                previous = .newline
                return Token(kind: .newline, range: SourceRange(start: start, end: start + 1))
            }
            let kind = scanToken(byte)
            previous = kind
            defer { sawLineBreak = false }
            return Token(kind: kind, range: SourceRange(start: start, end: position), startsLine: sawLineBreak)
        }
    }

    private var newlinesSuppressed: Bool {
        guard let last = brackets.last else { return false }
        return last != UInt8(ascii: "{")
    }

    private var previousIsNewlineLike: Bool {
        switch previous {
        case .newline, .semicolon: return true
        default: return false
        }
    }

    private mutating func skipSpaceAndComments() {
        while position < endOffset {
            let byte = sourceBytes[position]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                position += 1
            } else if byte == UInt8(ascii: "\\") && peek(1) == UInt8(ascii: "\n") {
                position += 2  // an explicit line continuation
            } else if byte == UInt8(ascii: "#") {
                while position < endOffset && sourceBytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else {
                return
            }
        }
    }

    /// Looks past blank and comment lines for a line starting `.name`.
    private func nextLineStartsWithMember() -> Bool {
        var index = position
        while index < endOffset {
            let byte = sourceBytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                index += 1
            } else if byte == UInt8(ascii: "#") {
                while index < endOffset && sourceBytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else {
                let following = index + 1 < endOffset ? sourceBytes[index + 1] : 0
                if byte == UInt8(ascii: "?") && following == UInt8(ascii: ".") { return true }
                return byte == UInt8(ascii: ".") && following != UInt8(ascii: ".")
            }
        }
        return false
    }

    private mutating func scanToken(_ byte: UInt8) -> TokenKind {
        if isIdentifierStart(byte) { return scanIdentifier() }
        if isDigit(byte) { return scanNumber() }
        position += 1
        switch byte {
        case UInt8(ascii: "("): brackets.append(byte); return .leftParen
        case UInt8(ascii: "["): brackets.append(byte); return .leftBracket
        case UInt8(ascii: "{"): brackets.append(byte); return .leftBrace
        case UInt8(ascii: ")"): closeBracket(); return .rightParen
        case UInt8(ascii: "]"): closeBracket(); return .rightBracket
        case UInt8(ascii: "}"): closeBracket(); return .rightBrace
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: "~"): return .tilde
        case UInt8(ascii: "+"): return match("=") ? .plusEqual : .plus
        case UInt8(ascii: "-"): return match("=") ? .minusEqual : .minus
        case UInt8(ascii: "*"): return match("=") ? .starEqual : .star
        case UInt8(ascii: "/"): return match("=") ? .slashEqual : .slash
        case UInt8(ascii: "%"): return match("=") ? .percentEqual : .percent
        case UInt8(ascii: "<"): return match("=") ? .lessEqual : .less
        case UInt8(ascii: ">"): return match("=") ? .greaterEqual : .greater
        case UInt8(ascii: "="):
            if match("=") { return .equalEqual }
            return match(">") ? .arrow : .equal
        case UInt8(ascii: "!"):
            return match("=") ? .bangEqual : .invalid("unexpected '!'; use 'not' for negation")
        case UInt8(ascii: "?"):
            if match("?") { return .questionQuestion }
            return match(".") ? .questionDot : .invalid("unexpected '?'; did you mean '?.' or '??'")
        case UInt8(ascii: "."):
            if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: ".") { position += 2; return .dotDotDot }
            if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: "<") { position += 2; return .dotDotLess }
            return .dot
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return scanString(quote: byte)
        case UInt8(ascii: "&"):
            return .invalid(match("&") ? "unexpected '&&'; use 'and'" : "unexpected character '&'")
        case UInt8(ascii: "|"):
            return .invalid(match("|") ? "unexpected '||'; use 'or'" : "unexpected character '|'")
        default:
            return .invalid(unexpectedCharacterMessage(at: position - 1))
        }
    }

    private func unexpectedCharacterMessage(at offset: Int) -> String {
        let byte = sourceBytes[offset]
        if byte < 0x20 || byte == 0x7F { return "unexpected control character (byte \(byte))" }
        let scalarText = source.text(of: SourceRange(start: offset, end: min(endOffset, offset + 4)))
        let character = scalarText.first.map(String.init) ?? "?"
        if character == "\u{FFFD}" { return "unexpected byte that is not valid UTF-8" }
        if character.first?.isLetter == true {
            return "unexpected character '\(character)': names are ASCII letters, digits and '_'"
        }
        return "unexpected character '\(TerminalText.visible(character))'"
    }

    private mutating func closeBracket() {
        if !brackets.isEmpty { brackets.removeLast() }
    }

    private mutating func match(_ character: Unicode.Scalar) -> Bool {
        guard peek() == UInt8(character.value) else { return false }
        position += 1
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }

    private mutating func scanIdentifier() -> TokenKind {
        let start = position
        while position < endOffset, isIdentifierStart(sourceBytes[position]) || isDigit(sourceBytes[position]) { position += 1 }
        let word = String(decoding: sourceBytes[start..<position], as: UTF8.self)
        return TokenKind.keywords[word] ?? .identifier(word)
    }
}
