/// A value supplied by the program that embeds the language (a panel
/// resource, a collection, a query). The interpreter asks it for members,
/// methods, iteration and filtering, and knows nothing else of it.
public protocol HostValue: AnyObject {
    /// What `type(x)` returns, e.g. `Server`.
    var typeName: String { get }
    /// How `print` shows it, e.g. `Server#12 "name"`.
    var displayText: String { get }
    /// Names offered by completion after `x.`.
    var memberNames: [String] { get }
    /// `x.name`; nil when there is no such member.
    func member(_ name: String, interpreter: Interpreter) throws -> Value?
    /// `x.name(...)`; nil when there is no such method.
    func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value?
    /// `x[key]`; nil when the value cannot be indexed.
    func index(_ key: Value, interpreter: Interpreter) throws -> Value?
    /// Elements for `for` loops and `where`; nil when not iterable.
    func makeIterator(interpreter: Interpreter) throws -> (any HostIterator)?
    /// `x where cond`; nil to let the interpreter filter the elements into a list.
    func filtered(by predicate: Predicate, interpreter: Interpreter) throws -> Value?
    /// `x(...)`, for callable host values; nil when not callable.
    func call(arguments: inout Arguments, interpreter: Interpreter) throws -> Value?
    /// `x.name = value`; false when there is no such settable member.
    func setMember(_ name: String, to value: Value, interpreter: Interpreter) throws -> Bool
    func isEqual(to other: any HostValue) -> Bool
    /// The value as plain maps and lists, for `json(x)`; nil if it has none.
    func plainValue(interpreter: Interpreter) throws -> Value?
    /// What `help(x)` prints, when the host has more to say than its members.
    var helpText: String? { get }
}

/// Lazily produces the elements of a host value.
public protocol HostIterator: AnyObject {
    func next() throws -> Value?
}

/// A `where` condition, callable on an element; `condition` keeps the
/// resolved expression so a host can push parts of it down to the panel.
public struct Predicate {
    public let function: Value
    public let condition: ResolvedExpr
    public let interpreter: Interpreter

    public func test(_ element: Value) throws -> Bool {
        let result = try interpreter.call(function, [element])
        guard case .bool(let flag) = result else {
            throw RuntimeError("a 'where' condition must be true or false, not \(result.typeName)")
        }
        return flag
    }
}

extension HostValue {
    public var displayText: String { typeName }
    public var memberNames: [String] { [] }
    public func member(_ name: String, interpreter: Interpreter) throws -> Value? { nil }
    public func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? { nil }
    public func index(_ key: Value, interpreter: Interpreter) throws -> Value? { nil }
    public func makeIterator(interpreter: Interpreter) throws -> (any HostIterator)? { nil }
    public func filtered(by predicate: Predicate, interpreter: Interpreter) throws -> Value? { nil }
    public func call(arguments: inout Arguments, interpreter: Interpreter) throws -> Value? { nil }
    public func setMember(_ name: String, to value: Value, interpreter: Interpreter) throws -> Bool { false }
    public func isEqual(to other: any HostValue) -> Bool { self === other }
    public func plainValue(interpreter: Interpreter) throws -> Value? { nil }
    public var helpText: String? { nil }
}

extension HostValue {
    /// The type with its article, for messages: "a Server", "an Egg".
    public var describedType: String {
        Article.with(typeName)
    }
}
