/// Recursive descent from tokens to `Stmt`s. On an error it records a
/// diagnostic, skips to the next statement and goes on, so `ptero check`
/// reports every syntax error of a file, not only the first.
public struct Parser {
    let source: Source
    var tokens: [Token]
    var current = 0
    var diagnostics: [Diagnostic] = []
    /// Nesting of expressions and blocks; past the limit the parse stops
    /// with an error instead of exhausting the stack.
    var depth = 0
    static let maximumDepth = 200
    /// Operators chained in a row (`1 + 1 + ...`), counted across nesting:
    /// each is a level of the tree the resolver and compiler walk
    /// recursively, so a million of them would exhaust even the large stack.
    var chainDepth = 0
    /// The most `chainDepth` reached inside the operand being parsed: its height.
    var chainPeak = 0
    static let maximumChain = 10_000
    /// True for the code inside a string's `{...}`: its end is not the end of input.
    let isEmbedded: Bool

    struct Failure: Error {}
    /// Thrown when the nesting limit is hit: nothing after it is trusted.
    struct Abort: Error {}

    public init(source: Source) {
        var lexer = Lexer(source: source)
        self.init(source: source, tokens: lexer.tokenize(), isEmbedded: false)
    }

    init(source: Source, tokens: [Token], isEmbedded: Bool) {
        self.source = source
        self.tokens = tokens
        self.isEmbedded = isEmbedded
    }

    /// Parses a whole program; throws `Diagnostics` with every error found.
    public static func parse(_ source: Source) throws(Diagnostics) -> [Stmt] {
        var parser = Parser(source: source)
        let statements = parser.parseProgram()
        if !parser.diagnostics.isEmpty { throw Diagnostics(parser.diagnostics.sortedByPlace()) }
        return statements
    }

    mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        do {
            while true {
                skipSeparators()
                if check(.end) { break }
                let start = current
                do {
                    statements.append(try statement())
                    try endOfStatement()
                } catch is Failure {
                    synchronize(insideBlock: false)
                    if current == start { advance() }
                }
            }
        } catch {
            // Abort: the diagnostic is already recorded.
        }
        return statements
    }

    // MARK: Statements

    mutating func statement() throws -> Stmt {
        let start = peek.range
        switch peek.kind {
        case .let:
            advance()
            let name = try identifier("a name after 'let'")
            try consume(.equal, "expected '=' after 'let \(name)'")
            let value = try expression()
            return Stmt(kind: .declaration(name: name, value: value), range: span(from: start))
        case .fn where peekNext.isIdentifier:
            return Stmt(kind: .function(try functionDeclaration()), range: span(from: start))
        case .if:
            return try ifStatement()
        case .while:
            advance()
            let condition = try expression()
            let body = try block()
            return Stmt(kind: .whileLoop(condition: condition, body: body), range: span(from: start))
        case .for, .parallel:
            return Stmt(kind: .forLoop(try forLoop()), range: span(from: start))
        case .break:
            advance()
            return Stmt(kind: .breakLoop, range: start)
        case .continue:
            advance()
            return Stmt(kind: .continueLoop, range: start)
        case .return:
            advance()
            let value = atStatementEnd ? nil : try expression()
            return Stmt(kind: .returnValue(value), range: span(from: start))
        case .try:
            return try tryStatement()
        case .import:
            advance()
            guard case .string(let path) = peek.kind else { throw error(at: peek, "expected a file name in quotes after 'import'") }
            advance()
            return Stmt(kind: .importFile(path), range: span(from: start))
        default:
            return try expressionOrAssignment()
        }
    }

    mutating func ifStatement() throws -> Stmt {
        let start = peek.range
        advance()
        let condition = try expression()
        let then = try block()
        var otherwise: [Stmt]?
        if skipNewlines(before: .else) {
            advance()
            if check(.if) {
                otherwise = [try ifStatement()]
            } else {
                otherwise = try block()
            }
        }
        return Stmt(kind: .ifElse(condition: condition, then: then, otherwise: otherwise), range: span(from: start))
    }

    mutating func forLoop() throws -> ForLoop {
        let start = peek.range
        var parallel: ParallelLimit?
        if match(.parallel) {
            var limit: Expr?
            if match(.leftParen) {
                limit = try expression()
                try consume(.rightParen, "expected ')' after the parallel limit")
            }
            parallel = ParallelLimit(limit: limit)
            guard check(.for) else { throw error(at: peek, "expected 'for' after 'parallel'") }
        }
        advance()
        var names = [try identifier("a loop variable after 'for'")]
        if match(.comma) { names.append(try identifier("a second loop variable after ','")) }
        try consume(.in, "expected 'in' after the loop variable")
        let iterable = try withDepth { parser throws in try parser.orExpression() }
        var condition: Expr?
        if match(.where) { condition = try expression() }
        let body = try block()
        return ForLoop(names: names, iterable: iterable, condition: condition, body: body,
                       parallel: parallel, range: span(from: start))
    }

    mutating func tryStatement() throws -> Stmt {
        let start = peek.range
        advance()
        let body = try block()
        guard skipNewlines(before: .catch) else { throw error(at: peek, "expected 'catch' after the 'try' block") }
        advance()
        var name: String?
        if case .identifier(let errorName) = peek.kind {
            name = errorName
            advance()
        }
        let handler = try block()
        return Stmt(kind: .tryCatch(body: body, errorName: name, handler: handler), range: span(from: start))
    }

    mutating func expressionOrAssignment() throws -> Stmt {
        let start = peek.range
        let target = try expression()
        let compound: BinaryOperator?
        switch peek.kind {
        case .equal: compound = nil
        case .plusEqual: compound = .add
        case .minusEqual: compound = .subtract
        case .starEqual: compound = .multiply
        case .slashEqual: compound = .divide
        case .percentEqual: compound = .remainder
        default: return Stmt(kind: .expression(target), range: target.range)
        }
        let operatorToken = peek
        advance()
        guard target.isAssignable else {
            throw error(at: operatorToken, "cannot assign to this expression", range: target.range)
        }
        let value = try expression()
        return Stmt(kind: .assignment(target: target, compound: compound, value: value), range: span(from: start))
    }

    mutating func functionDeclaration() throws -> FunctionDeclaration {
        let start = peek.range
        advance()  // fn
        var name: String?
        if case .identifier(let functionName) = peek.kind {
            name = functionName
            advance()
        }
        let parameters = try parameterList()
        let body = try block()
        return FunctionDeclaration(name: name, parameters: parameters, body: body, range: span(from: start))
    }

    mutating func parameterList() throws -> [Parameter] {
        try consume(.leftParen, "expected '(' to start the parameters")
        var parameters: [Parameter] = []
        while !check(.rightParen) {
            let start = peek.range
            let name = try identifier("a parameter name")
            if parameters.contains(where: { $0.name == name }) {
                throw error(at: previous, "duplicate parameter '\(name)'")
            }
            var defaultValue: Expr?
            if match(.equal) {
                defaultValue = try expression()
            } else if parameters.last?.defaultValue != nil {
                throw error(at: previous, "parameter '\(name)' needs a default value: it follows one that has one")
            }
            parameters.append(Parameter(name: name, defaultValue: defaultValue, range: span(from: start)))
            if !match(.comma) { break }
        }
        try consume(.rightParen, "expected ')' after the parameters")
        return parameters
    }

    /// `{ statements }`; newlines inside separate statements.
    mutating func block() throws -> [Stmt] {
        try consume(.leftBrace, "expected '{'")
        return try withDepth { parser throws in
            var statements: [Stmt] = []
            while true {
                parser.skipSeparators()
                if parser.check(.rightBrace) || parser.check(.end) { break }
                do {
                    statements.append(try parser.statement())
                    try parser.endOfStatement()
                } catch is Failure {
                    parser.synchronize()
                }
            }
            try parser.consume(.rightBrace, "expected '}' to close the block")
            return statements
        }
    }

    var atStatementEnd: Bool {
        switch peek.kind {
        case .newline, .semicolon, .rightBrace, .end: return true
        default: return false
        }
    }

    mutating func endOfStatement() throws {
        // A line break inside an unclosed bracket (already an error) still ends it.
        if atStatementEnd || (peek.startsLine && !diagnostics.isEmpty) { return }
        throw error(at: peek, "found \(peek.kind) after the end of a statement; put each statement on its own line or separate them with ';'")
    }

    /// Skips to just past the end of the current statement after an error.
    mutating func synchronize(insideBlock: Bool = true) {
        var braces = 0
        var first = true
        while !check(.end) {
            if !first && peek.startsLine && peek.kind.beginsStatement { return }
            first = false
            switch peek.kind {
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 && insideBlock { return }
                braces = max(0, braces - 1)
            case .newline, .semicolon:
                if braces == 0 { advance(); return }
            default: break
            }
            advance()
        }
    }
}

extension TokenKind {
    /// Keywords that can only start a statement.
    var beginsStatement: Bool {
        switch self {
        case .let, .fn, .if, .for, .while, .return, .try, .import, .parallel, .break, .continue: return true
        default: return false
        }
    }
}

extension Array where Element == Diagnostic {
    func sortedByPlace() -> [Diagnostic] {
        enumerated().sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }.map(\.element)
    }
}
