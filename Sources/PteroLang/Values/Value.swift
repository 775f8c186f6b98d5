/// A ptero value. Payloads are at most 16 bytes so a Value copies in three
/// words; anything larger lives behind a class reference.
public enum Value {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list(ListObject)
    case map(MapObject)
    case range(RangeObject)
    case closure(Closure)
    case native(NativeFunction)
    /// A value the embedding program supplies: a panel resource, a query.
    case host(any HostValue)
    /// A captured local's shared storage; lives only in frame slots.
    case cell(Box)

    /// The name `type(x)` returns and error messages use.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "string"
        case .list: return "list"
        case .map: return "map"
        case .range: return "range"
        case .closure, .native: return "function"
        case .host(let value): return value.typeName
        case .cell(let box): return box.value.typeName
        }
    }

    /// The type with its article, for messages: "an int", "a Server".
    public var describedType: String {
        let name = typeName
        if name == "null" { return "null" }
        return Article.with(name)
    }

    /// Only `false` and `null` are false; conditions demand a bool, so this
    /// is for `and`/`or` operands and `not`.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        default: return true
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public init(_ items: [Value]) { self = .list(ListObject(items)) }
    public init(_ text: String) { self = .string(text) }
}

/// Mutable storage shared by a closure and the frame that declared it.
public final class Box {
    /// Unchecked exclusivity: see `Interpreter.stackTop`.
    @exclusivity(unchecked) public var value: Value
    public init(_ value: Value) { self.value = value }
}

/// A list; shared by reference like Python's, so `push` is seen by all holders.
public final class ListObject {
    /// Unchecked exclusivity: see `Interpreter.stackTop`.
    @exclusivity(unchecked) public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
    deinit { NestedRelease.release(&items) }

    /// The items, leaving the list empty (see `NestedRelease`).
    func takeItems() -> [Value] {
        var taken: [Value] = []
        swap(&taken, &items)
        return taken
    }
}

/// `low..<high` stepping by `step`; `inclusive` only changes how it prints.
public final class RangeObject {
    public let low: Int
    public let high: Int
    public let step: Int
    public let inclusive: Bool
    public init(low: Int, high: Int, step: Int = 1, inclusive: Bool) {
        self.low = low
        self.high = high
        self.step = step
        self.inclusive = inclusive
    }

    /// The range `range()`, `a..<b` and `a...b` make: one of more than
    /// 2^63 - 1 elements (`range(-2^63, 2^63 - 1)`) is an error, since
    /// `count` and `len` could not say how many it holds.
    public static func checked(low: Int, high: Int, step: Int = 1, inclusive: Bool) throws -> RangeObject {
        let range = RangeObject(low: low, high: high, step: step, inclusive: inclusive)
        guard range.exactCount <= UInt(Int.max) else {
            throw RuntimeError("range from \(low) to \(high) has more than \(Int.max) elements")
        }
        return range
    }

    /// The distance and steps in unsigned arithmetic: `high - low` of two
    /// ints can pass `Int.max` and trapped.
    private var exactCount: UInt {
        if step == 0 { return 0 }
        if step > 0 ? low >= high : low <= high { return 0 }
        let distance = step > 0 ? UInt(bitPattern: high &- low) : UInt(bitPattern: low &- high)
        return (distance - 1) / step.magnitude + 1
    }

    public var count: Int { Int(clamping: exactCount) }

    /// Wrapping is exact here: an element of the range lies between its bounds.
    public func element(_ index: Int) -> Int { low &+ index &* step }

    public func contains(_ value: Int) -> Bool {
        if step > 0 { return value >= low && value < high && UInt(bitPattern: value &- low) % step.magnitude == 0 }
        return value <= low && value > high && UInt(bitPattern: low &- value) % step.magnitude == 0
    }

    /// Its elements as a list, within the list limit: `range(10^11).map(f)`
    /// asked for 2.4 TB at once.
    func elements(within limits: ValueLimits) throws -> [Value] {
        try limits.checkCount(count, "the list of this range")
        return (0..<count).map { .int(element($0)) }
    }
}

/// A function written in ptero, with the cells it captured and its code.
/// All three are `let`s, so a call reaches the code without retaining
/// anything on the way (the caller holds the closure).
public final class Closure {
    public let prototype: FunctionPrototype
    let captures: [Box]
    let compiled: CompiledFunction
    init(prototype: FunctionPrototype, captures: [Box], compiled: CompiledFunction) {
        self.prototype = prototype
        self.captures = captures
        self.compiled = compiled
    }
    deinit { if !captures.isEmpty { NestedRelease.release(capturesOf: self) } }
}

/// A function written in Swift: builtins, methods bound to a value, host calls.
/// Immutable once made, so builtin tables can be shared as constants.
public final class NativeFunction: @unchecked Sendable {
    public let name: String
    public let help: String
    let body: (inout Arguments, Interpreter) throws -> Value

    public init(_ name: String, help: String = "",
                _ body: @escaping (inout Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.help = help
        self.body = body
    }
}
