/// The parser's output: names are still strings. The resolver turns these
/// into `Resolved` nodes, so nothing here is ever evaluated directly.
///
/// Payloads are always bound by name in switches (never `_`): a Swift 6.3
/// bug (swiftlang/swift#91283) reads freed memory for wildcard payload
/// bindings on indirect enums in debug builds.
public struct Expr: Sendable {
    public let kind: Kind
    public let range: SourceRange

    public indirect enum Kind: Sendable {
        case literal(Literal)
        case template([TemplateSegment])
        case variable(String)
        case list([Expr])
        case map([MapEntry])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        case logical(LogicalOperator, Expr, Expr)
        case range(Expr, Expr, inclusive: Bool)
        case call(Expr, [CallArgument])
        case member(Expr, String, optional: Bool)
        case index(Expr, Expr)
        case lambda(FunctionDeclaration)
        /// `collection where condition`.
        case query(Expr, Expr)
    }
}

public enum Literal: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
}

public enum TemplateSegment: Sendable {
    case text(String)
    case code(Expr)
}

/// A map literal key is written as a name or a literal, or computed in `(...)`.
public struct MapEntry: Sendable {
    public enum Key: Sendable {
        case fixed(Literal)
        case computed(Expr)
    }
    public let key: Key
    public let value: Expr
}

public struct CallArgument: Sendable {
    public let label: String?
    public let value: Expr
    public let range: SourceRange
}

public enum UnaryOperator: String, Sendable { case negate = "-", not = "not" }

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case contains = "in", notContains = "not in", matches = "~"
}

public enum LogicalOperator: String, Sendable { case and, or, nullDefault = "??" }

/// `fn name(a, b = 1) { ... }`, or a lambda when `name` is nil.
public final class FunctionDeclaration: Sendable {
    public let name: String?
    public let parameters: [Parameter]
    public let body: [Stmt]
    public let range: SourceRange
    public init(name: String?, parameters: [Parameter], body: [Stmt], range: SourceRange) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.range = range
    }
}

public struct Parameter: Sendable {
    public let name: String
    public let defaultValue: Expr?
    public let range: SourceRange
}

public struct Stmt: Sendable {
    public let kind: Kind
    public let range: SourceRange

    public indirect enum Kind: Sendable {
        case expression(Expr)
        case declaration(name: String, value: Expr)
        case assignment(target: Expr, compound: BinaryOperator?, value: Expr)
        case ifElse(condition: Expr, then: [Stmt], otherwise: [Stmt]?)
        case whileLoop(condition: Expr, body: [Stmt])
        case forLoop(ForLoop)
        case breakLoop
        case continueLoop
        case returnValue(Expr?)
        case function(FunctionDeclaration)
        case tryCatch(body: [Stmt], errorName: String?, handler: [Stmt])
        case importFile(String)
    }
}

/// `[parallel[(N)]] for a[, b] in iterable [where condition] { body }`.
public final class ForLoop: Sendable {
    public let names: [String]
    public let iterable: Expr
    public let condition: Expr?
    public let body: [Stmt]
    /// Nil for a plain loop; for `parallel for`, the optional bound.
    public let parallel: ParallelLimit?
    public let range: SourceRange
    public init(names: [String], iterable: Expr, condition: Expr?, body: [Stmt],
                parallel: ParallelLimit?, range: SourceRange) {
        self.names = names
        self.iterable = iterable
        self.condition = condition
        self.body = body
        self.parallel = parallel
        self.range = range
    }
}

public struct ParallelLimit: Sendable {
    public let limit: Expr?
}
