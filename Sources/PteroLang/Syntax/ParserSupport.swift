/// Token-level helpers of the parser: looking, consuming, reporting.
extension Parser {
    var peek: Token { tokens[current] }
    var peekNext: TokenKind { current + 1 < tokens.count ? tokens[current + 1].kind : .end }
    var previous: Token { tokens[max(0, current - 1)] }

    mutating func advance() {
        if current < tokens.count - 1 { current += 1 }
    }

    func check(_ kind: TokenKind) -> Bool { peek.kind == kind }

    mutating func match(_ kind: TokenKind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    mutating func consume(_ kind: TokenKind, _ message: String) throws {
        guard match(kind) else { throw error(at: peek, message + ", found \(peek.kind)") }
    }

    mutating func identifier(_ what: String) throws -> String {
        if case .identifier(let name) = peek.kind {
            advance()
            return name
        }
        if TokenKind.keywords.values.contains(peek.kind) {
            throw error(at: peek, "expected \(what), found the keyword \(peek.kind)")
        }
        throw error(at: peek, "expected \(what), found \(peek.kind)")
    }

    mutating func skipSeparators() {
        while check(.newline) || check(.semicolon) { advance() }
    }

    mutating func skipNewlineTokens() {
        while check(.newline) { advance() }
    }

    /// Looks past newlines for `kind`; consumes the newlines only if it is there.
    mutating func skipNewlines(before kind: TokenKind) -> Bool {
        var index = current
        while tokens[index].kind == .newline, index < tokens.count - 1 { index += 1 }
        guard tokens[index].kind == kind else { return false }
        current = index
        return true
    }

    /// The range from `start` to the end of the last consumed token.
    func span(from start: SourceRange) -> SourceRange {
        SourceRange(start: start.start, end: max(start.end, previous.range.end))
    }

    mutating func withDepth<T>(_ body: (inout Parser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumDepth {
            throw stop("nesting too deep (more than \(Parser.maximumDepth) levels of brackets, blocks or operators)")
        }
        return try body(&self)
    }

    /// Where a chain such as `1 + 2 + 3` starts: each of its operators is a
    /// level of the tree the resolver and compiler walk recursively, as a
    /// bracket is, just built by a loop instead of nesting. Levels count on
    /// top of the first operand's own height and go on inside brackets, so
    /// chains within chains add up.
    mutating func beginChain() -> (base: Int, outerPeak: Int) {
        defer { chainPeak = chainDepth }
        return (chainDepth, chainPeak)
    }

    /// After the chain's first operand: the next levels go on top of its height.
    mutating func continueChain() {
        chainDepth = chainPeak
    }

    mutating func endChain(_ chain: (base: Int, outerPeak: Int)) {
        chainDepth = chain.base
        chainPeak = max(chain.outerPeak, chainPeak)
    }

    /// Counts one more operator of a chain.
    mutating func lengthen() throws {
        chainDepth += 1
        chainPeak = max(chainPeak, chainDepth)
        if chainDepth > Parser.maximumChain {
            throw stop("expression too long (more than \(Parser.maximumChain) operators, calls or members in a row); build it in steps with 'let'")
        }
    }

    /// Records a limit's diagnostic and returns the error that ends the parse.
    private mutating func stop(_ message: String) -> Abort {
        diagnostics.append(Diagnostic(.syntax, message, source: source, range: peek.range))
        return Abort()
    }

    /// Records a diagnostic and returns the error that unwinds to the statement.
    mutating func error(at token: Token, _ message: String, range: SourceRange? = nil) -> Failure {
        let atEnd = token.kind == .end
        if case .invalid(let lexerMessage) = token.kind {
            diagnostics.append(Diagnostic(.syntax, lexerMessage, source: source, range: token.range))
            return Failure()
        }
        if atEnd && !isEmbedded {
            // Every construct still open meets the same end: one report of
            // it is the truth, and the REPL can then ask for more input.
            if diagnostics.last?.isUnexpectedEnd != true {
                diagnostics.append(Diagnostic(.syntax, "unexpected end of input", source: source,
                                              range: token.range, isUnexpectedEnd: true))
            }
        } else if atEnd {
            diagnostics.append(Diagnostic(.syntax, "incomplete expression in string interpolation",
                                          source: source, range: token.range))
        } else {
            diagnostics.append(Diagnostic(.syntax, message, source: source, range: range ?? token.range))
        }
        return Failure()
    }
}

extension TokenKind {
    var isIdentifier: Bool {
        if case .identifier = self { return true }
        return false
    }
}
