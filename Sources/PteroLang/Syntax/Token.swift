/// The kinds of token; literal payloads are parsed by the lexer so the
/// parser never re-reads text.
public enum TokenKind: Equatable, Sendable {
    // Literals and names.
    case identifier(String)
    case integer(Int)
    case double(Double)
    case string(String)
    /// A double-quoted string with `{...}` parts: alternating text and code.
    case template([TemplatePart])
    // Keywords.
    case `let`, `if`, `else`, `for`, `in`, `where`, `while`, `break`, `continue`
    case `return`, `fn`, `true`, `false`, `null`, `and`, `or`, `not`, `try`, `catch`
    case parallel, `import`
    // Punctuation and operators.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, dot, questionDot, colon, semicolon, arrow
    case plus, minus, star, slash, percent
    case equal, plusEqual, minusEqual, starEqual, slashEqual, percentEqual
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case tilde, questionQuestion, dotDotDot, dotDotLess
    case newline, end
    /// A malformed token; the message says why.
    case invalid(String)

    static let keywords: [String: TokenKind] = [
        "let": .let, "if": .if, "else": .else, "for": .for, "in": .in, "where": .where,
        "while": .while, "break": .break, "continue": .continue, "return": .return,
        "fn": .fn, "true": .true, "false": .false, "null": .null, "and": .and, "or": .or,
        "not": .not, "try": .try, "catch": .catch, "parallel": .parallel, "import": .import,
    ]

    /// True for tokens after which a newline does not end the statement.
    var continuesLine: Bool {
        switch self {
        case .leftParen, .leftBracket, .leftBrace, .comma, .dot, .questionDot, .colon, .arrow,
             .plus, .minus, .star, .slash, .percent, .equal, .plusEqual, .minusEqual,
             .starEqual, .slashEqual, .percentEqual, .equalEqual, .bangEqual, .less, .lessEqual,
             .greater, .greaterEqual, .tilde, .questionQuestion, .dotDotDot, .dotDotLess,
             .and, .or, .not, .in, .where:
            return true
        default:
            return false
        }
    }
}

/// One piece of a string template: literal text, or where the code inside
/// `{...}` lies, so the parser lexes it in place and errors point into it.
public enum TemplatePart: Equatable, Sendable {
    case text(String)
    case code(SourceRange)
}

public struct Token: Sendable {
    public let kind: TokenKind
    public let range: SourceRange
    /// True when a line break (even one inside brackets) came before it:
    /// error recovery restarts at such a token if it begins a statement.
    public var startsLine = false
}

extension TokenKind: CustomStringConvertible {
    /// How the token is named in error messages.
    public var description: String {
        switch self {
        case .identifier(let name): return "'\(name)'"
        case .integer(let value): return "'\(value)'"
        case .double(let value): return "'\(value)'"
        case .string, .template: return "a string"
        case .newline: return "end of line"
        case .end: return "end of input"
        case .invalid(let message): return message
        default:
            if let word = TokenKind.keywords.first(where: { $0.value == self })?.key { return "'\(word)'" }
            return "'\(TokenKind.punctuation.first(where: { $0.1 == self })?.0 ?? "?")'"
        }
    }

    static let punctuation: [(String, TokenKind)] = [
        ("(", .leftParen), (")", .rightParen), ("[", .leftBracket), ("]", .rightBracket),
        ("{", .leftBrace), ("}", .rightBrace), (",", .comma), (".", .dot), ("?.", .questionDot),
        (":", .colon), (";", .semicolon), ("=>", .arrow), ("+", .plus), ("-", .minus),
        ("*", .star), ("/", .slash), ("%", .percent), ("=", .equal), ("+=", .plusEqual),
        ("-=", .minusEqual), ("*=", .starEqual), ("/=", .slashEqual), ("%=", .percentEqual),
        ("==", .equalEqual), ("!=", .bangEqual), ("<", .less), ("<=", .lessEqual),
        (">", .greater), (">=", .greaterEqual), ("~", .tilde), ("??", .questionQuestion),
        ("...", .dotDotDot), ("..<", .dotDotLess),
    ]
}
