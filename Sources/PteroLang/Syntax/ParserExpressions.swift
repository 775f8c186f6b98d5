/// Expressions, loosest first: where, or, and, not, comparison, ??, range,
/// + -, * / %, unary -, postfix (call, index, member), primary.
extension Parser {
    mutating func expression() throws -> Expr {
        try withDepth { parser throws in
            let chain = parser.beginChain()
            defer { parser.endChain(chain) }
            var result = try parser.orExpression()
            parser.continueChain()
            while parser.match(.where) {
                try parser.lengthen()
                let condition = try parser.orExpression()
                result = Expr(kind: .query(result, condition), range: .covering(result.range, condition.range))
            }
            return result
        }
    }

    mutating func orExpression() throws -> Expr {
        let chain = beginChain()
        defer { endChain(chain) }
        var left = try andExpression()
        continueChain()
        while match(.or) {
            try lengthen()
            let right = try andExpression()
            left = Expr(kind: .logical(.or, left, right), range: .covering(left.range, right.range))
        }
        return left
    }

    mutating func andExpression() throws -> Expr {
        let chain = beginChain()
        defer { endChain(chain) }
        var left = try notExpression()
        continueChain()
        while match(.and) {
            try lengthen()
            let right = try notExpression()
            left = Expr(kind: .logical(.and, left, right), range: .covering(left.range, right.range))
        }
        return left
    }

    mutating func notExpression() throws -> Expr {
        if check(.not) {
            let start = peek.range
            advance()
            let operand = try withDepth { parser throws in try parser.notExpression() }
            return Expr(kind: .unary(.not, operand), range: .covering(start, operand.range))
        }
        return try comparison()
    }

    mutating func comparison() throws -> Expr {
        let left = try nullDefault()
        guard let op = comparisonOperator() else { return left }
        let right = try nullDefault()
        let result = Expr(kind: .binary(op, left, right), range: .covering(left.range, right.range))
        if comparisonOperator() != nil {
            throw error(at: previous, "comparisons cannot be chained; join them with 'and'")
        }
        return result
    }

    /// Consumes and returns a comparison operator, including `not in`.
    mutating func comparisonOperator() -> BinaryOperator? {
        let op: BinaryOperator
        switch peek.kind {
        case .equalEqual: op = .equal
        case .bangEqual: op = .notEqual
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        case .in: op = .contains
        case .tilde: op = .matches
        case .not where peekNext == .in:
            advance()
            op = .notContains
        default: return nil
        }
        advance()
        return op
    }

    mutating func nullDefault() throws -> Expr {
        let chain = beginChain()
        defer { endChain(chain) }
        var left = try rangeExpression()
        continueChain()
        while match(.questionQuestion) {
            try lengthen()
            let right = try rangeExpression()
            left = Expr(kind: .logical(.nullDefault, left, right), range: .covering(left.range, right.range))
        }
        return left
    }

    mutating func rangeExpression() throws -> Expr {
        let low = try additive()
        let inclusive: Bool
        switch peek.kind {
        case .dotDotDot: inclusive = true
        case .dotDotLess: inclusive = false
        default: return low
        }
        advance()
        let high = try additive()
        return Expr(kind: .range(low, high, inclusive: inclusive), range: .covering(low.range, high.range))
    }

    mutating func additive() throws -> Expr {
        let chain = beginChain()
        defer { endChain(chain) }
        var left = try multiplicative()
        continueChain()
        while true {
            let op: BinaryOperator
            switch peek.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            advance()
            try lengthen()
            let right = try multiplicative()
            left = Expr(kind: .binary(op, left, right), range: .covering(left.range, right.range))
        }
    }

    mutating func multiplicative() throws -> Expr {
        let chain = beginChain()
        defer { endChain(chain) }
        var left = try unary()
        continueChain()
        while true {
            let op: BinaryOperator
            switch peek.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            case .percent: op = .remainder
            default: return left
            }
            advance()
            try lengthen()
            let right = try unary()
            left = Expr(kind: .binary(op, left, right), range: .covering(left.range, right.range))
        }
    }

    mutating func unary() throws -> Expr {
        guard check(.minus) else { return try postfix() }
        let start = peek.range
        advance()
        // `-9223372036854775808` is a literal, not the negation of one too large.
        if case .invalid(let message) = peek.kind, message.hasPrefix("integer literal 9223372036854775808 ") {
            advance()
            return Expr(kind: .literal(.integer(Int.min)), range: span(from: start))
        }
        let operand = try withDepth { parser throws in try parser.unary() }
        return Expr(kind: .unary(.negate, operand), range: .covering(start, operand.range))
    }

    mutating func postfix() throws -> Expr {
        let chain = beginChain()
        defer { endChain(chain) }
        var result = try primary()
        continueChain()
        while true {
            switch peek.kind {
            case .leftParen, .leftBracket, .dot, .questionDot: try lengthen()
            default: break
            }
            switch peek.kind {
            case .leftParen:
                advance()
                let arguments = try argumentList()
                result = Expr(kind: .call(result, arguments), range: span(from: result.range))
            case .leftBracket:
                advance()
                let index = try expression()
                try consume(.rightBracket, "expected ']' after the index")
                result = Expr(kind: .index(result, index), range: span(from: result.range))
            case .dot, .questionDot:
                let optional = peek.kind == .questionDot
                advance()
                let name = try memberName()
                result = Expr(kind: .member(result, name, optional: optional), range: span(from: result.range))
            default:
                return result
            }
        }
    }

    /// After `.`: a name, or a keyword used as a field name (`s.where` is odd but legal).
    mutating func memberName() throws -> String {
        if case .identifier(let name) = peek.kind {
            advance()
            return name
        }
        if let word = TokenKind.keywords.first(where: { $0.value == peek.kind })?.key {
            advance()
            return word
        }
        throw error(at: peek, "expected a member name after '.', found \(peek.kind)")
    }

    mutating func argumentList() throws -> [CallArgument] {
        var arguments: [CallArgument] = []
        skipNewlineTokens()
        while !check(.rightParen) {
            let start = peek.range
            var label: String?
            if case .identifier(let name) = peek.kind, peekNext == .colon {
                label = name
                advance()
                advance()
            } else if arguments.last?.label != nil {
                throw error(at: peek, "positional arguments must come before named ones")
            }
            let value = try expression()
            if let label, arguments.contains(where: { $0.label == label }) {
                throw error(at: peek, "argument '\(label)' is given twice", range: span(from: start))
            }
            arguments.append(CallArgument(label: label, value: value, range: span(from: start)))
            skipNewlineTokens()
            if !match(.comma) { break }
            skipNewlineTokens()
        }
        try consume(.rightParen, "expected ')' after the arguments")
        return arguments
    }

    mutating func primary() throws -> Expr {
        let token = peek
        switch token.kind {
        case .integer(let value): advance(); return Expr(kind: .literal(.integer(value)), range: token.range)
        case .double(let value): advance(); return Expr(kind: .literal(.double(value)), range: token.range)
        case .string(let value): advance(); return Expr(kind: .literal(.string(value)), range: token.range)
        case .true: advance(); return Expr(kind: .literal(.bool(true)), range: token.range)
        case .false: advance(); return Expr(kind: .literal(.bool(false)), range: token.range)
        case .null: advance(); return Expr(kind: .literal(.null), range: token.range)
        case .identifier(let name): advance(); return Expr(kind: .variable(name), range: token.range)
        case .template(let parts):
            advance()
            return Expr(kind: .template(try templateSegments(parts)), range: token.range)
        case .leftParen:
            advance()
            skipNewlineTokens()
            let inner = try expression()
            skipNewlineTokens()
            try consume(.rightParen, "expected ')'")
            return Expr(kind: inner.kind, range: span(from: token.range))
        case .leftBracket:
            advance()
            return try listLiteral(start: token.range)
        case .leftBrace:
            advance()
            return try mapLiteral(start: token.range)
        case .fn:
            return try lambda()
        default:
            throw error(at: token, "expected an expression, found \(token.kind)")
        }
    }

    mutating func listLiteral(start: SourceRange) throws -> Expr {
        var items: [Expr] = []
        skipNewlineTokens()
        while !check(.rightBracket) {
            items.append(try expression())
            skipNewlineTokens()
            if !match(.comma) { break }
            skipNewlineTokens()
        }
        try consume(.rightBracket, "expected ']' or ',' in the list")
        return Expr(kind: .list(items), range: span(from: start))
    }

    mutating func mapLiteral(start: SourceRange) throws -> Expr {
        var entries: [MapEntry] = []
        skipNewlineTokens()
        while !check(.rightBrace) {
            let key = try mapKey()
            try consume(.colon, "expected ':' after the map key")
            skipNewlineTokens()
            entries.append(MapEntry(key: key, value: try expression()))
            skipNewlineTokens()
            if !match(.comma) { break }
            skipNewlineTokens()
        }
        try consume(.rightBrace, "expected '}' or ',' in the map")
        return Expr(kind: .map(entries), range: span(from: start))
    }

    /// A map literal key: a name, a string, an integer, or `(expression)`.
    mutating func mapKey() throws -> MapEntry.Key {
        let key: MapEntry.Key
        switch peek.kind {
        case .identifier(let name): key = .fixed(.string(name))
        case .string(let text): key = .fixed(.string(text))
        case .integer(let value): key = .fixed(.integer(value))
        case .leftParen:
            advance()
            let computed = try expression()
            try consume(.rightParen, "expected ')' after the computed key")
            return .computed(computed)
        default:
            guard let word = TokenKind.keywords.first(where: { $0.value == peek.kind })?.key else {
                throw error(at: peek, "expected a map key (a name, a string, an integer or '(expression)'), found \(peek.kind)")
            }
            key = .fixed(.string(word))
        }
        advance()
        return key
    }

    /// `fn(x) => expression` or `fn(x) { statements }`.
    mutating func lambda() throws -> Expr {
        let start = peek.range
        advance()
        let parameters = try parameterList()
        let body: [Stmt]
        if match(.arrow) {
            let value = try expression()
            body = [Stmt(kind: .returnValue(value), range: value.range)]
        } else if check(.leftBrace) {
            body = try block()
        } else {
            throw error(at: peek, "expected '=>' or '{' after the lambda's parameters")
        }
        let declaration = FunctionDeclaration(name: nil, parameters: parameters, body: body, range: span(from: start))
        return Expr(kind: .lambda(declaration), range: declaration.range)
    }

    /// Parses each `{code}` of a string in place, so errors point into the string.
    mutating func templateSegments(_ parts: [TemplatePart]) throws -> [TemplateSegment] {
        var segments: [TemplateSegment] = []
        for part in parts {
            switch part {
            case .text(let text):
                segments.append(.text(text))
            case .code(let range):
                var lexer = Lexer(source: source, range: range)
                var inner = Parser(source: source, tokens: lexer.tokenize(), isEmbedded: true)
                inner.depth = depth
                inner.chainDepth = chainDepth
                inner.chainPeak = chainDepth
                inner.skipNewlineTokens()
                if inner.check(.end) {
                    diagnostics.append(Diagnostic(.syntax, "empty '{}' in string; write '\\{' for a literal brace",
                                                  source: source, range: SourceRange(start: range.start - 1, end: range.end + 1)))
                    throw Failure()
                }
                do {
                    let expression = try inner.expression()
                    inner.skipNewlineTokens()
                    if !inner.check(.end) {
                        throw inner.error(at: inner.peek, "found \(inner.peek.kind) after the expression in a string interpolation")
                    }
                    segments.append(.code(expression))
                } catch {
                    diagnostics.append(contentsOf: inner.diagnostics)
                    throw error
                }
            }
        }
        return segments
    }
}

extension Expr {
    var isAssignable: Bool {
        switch kind {
        case .variable, .index: return true
        case .member(let object, let name, let optional): _ = (object, name); return !optional
        default: return false
        }
    }
}
