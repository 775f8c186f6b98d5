/// Arithmetic and comparison on any values; the evaluator inlines the
/// integer cases and comes here for the rest.
enum Operators {
    /// `a + b`; a string or list too large for `limits` is an error.
    static func add(_ a: Value, _ b: Value, limits: ValueLimits) throws -> Value {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            try limits.checkString(bytes: ValueLimits.sum(x.utf8.count, y.utf8.count), "joined string")
            return .string(x + y)
        case (.list(let x), .list(let y)):
            try limits.checkCount(ValueLimits.sum(x.items.count, y.items.count), "joined list")
            return .list(ListObject(x.items + y.items))
        case (.string, _), (_, .string):
            throw RuntimeError("cannot add \(a.typeName) and \(b.typeName); write \"{x}\" or str(x) to join text")
        default: return try arithmetic(.add, a, b, limits: limits)
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, limits: ValueLimits) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            return .int(try integer(op, x, y))
        case (.int(let x), .double(let y)): return .double(try floating(op, Double(x), y))
        case (.double(let x), .int(let y)): return .double(try floating(op, x, Double(y)))
        case (.double(let x), .double(let y)): return .double(try floating(op, x, y))
        case (.string(let text), .int(let times)) where op == .multiply:
            guard times >= 0 else { throw RuntimeError("cannot repeat a string a negative number of times") }
            // The product saturates: a wrapped one let `"ab" * 2^62` past the check.
            try limits.checkString(bytes: ValueLimits.product(text.utf8.count, times), "repeated string")
            return .string(String(repeating: text, count: times))
        default:
            throw RuntimeError("cannot apply '\(op.rawValue)' to \(a.typeName) and \(b.typeName)")
        }
    }

    static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Int {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide:
            guard y != 0 else { throw RuntimeError("division by zero") }
            result = x.dividedReportingOverflow(by: y)
        case .remainder:
            guard y != 0 else { throw RuntimeError("division by zero in '%'") }
            if y == -1 { return 0 }
            result = x.remainderReportingOverflow(dividingBy: y)
        default: throw RuntimeError("'\(op.rawValue)' is not arithmetic")
        }
        if result.overflow { throw RuntimeError("integer overflow in \(x) \(op.rawValue) \(y)") }
        return result.partialValue
    }

    static func floating(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide:
            guard y != 0 else { throw RuntimeError("division by zero") }
            return x / y
        case .remainder:
            guard y != 0 else { throw RuntimeError("division by zero in '%'") }
            return x.truncatingRemainder(dividingBy: y)
        default: throw RuntimeError("'\(op.rawValue)' is not arithmetic")
        }
    }

    /// `==`: values of different types differ, except ints and doubles.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch shallowEqual(a, b) {
        case .same: return true
        case .different: return false
        case .containers: return ContainerEquality.equal(a, b)
        }
    }

    enum Shallow { case same, different, containers }

    /// Compares all but the contents of two lists or two maps.
    static func shallowEqual(_ a: Value, _ b: Value) -> Shallow {
        switch (a, b) {
        case (.null, .null): return .same
        case (.bool(let x), .bool(let y)): return x == y ? .same : .different
        case (.int(let x), .int(let y)): return x == y ? .same : .different
        case (.double(let x), .double(let y)): return x == y ? .same : .different
        case (.int(let x), .double(let y)): return Double(x) == y && Double(x) < 9.3e18 ? .same : .different
        case (.double(let x), .int(let y)): return x == Double(y) && Double(y) < 9.3e18 ? .same : .different
        case (.string(let x), .string(let y)): return x == y ? .same : .different
        case (.list(let x), .list(let y)):
            return x === y ? .same : (x.items.count == y.items.count ? .containers : .different)
        case (.map(let x), .map(let y)):
            return x === y ? .same : (x.count == y.count ? .containers : .different)
        case (.range(let x), .range(let y)):
            return x.low == y.low && x.high == y.high && x.step == y.step ? .same : .different
        case (.closure(let x), .closure(let y)): return x === y ? .same : .different
        case (.native(let x), .native(let y)): return x === y ? .same : .different
        case (.host(let x), .host(let y)): return x.isEqual(to: y) ? .same : .different
        case (.cell(let x), _): return shallowEqual(x.value, b)
        case (_, .cell(let y)): return shallowEqual(a, y.value)
        default: return .different
        }
    }

    /// Orders numbers, strings, bools and lists of those; anything else is an error.
    static func compare(_ a: Value, _ b: Value, _ symbol: String = "<", depth: Int = 0) throws -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .double(let y)): return order(Double(x), y)
        case (.double(let x), .int(let y)): return order(x, Double(y))
        case (.double(let x), .double(let y)): return order(x, y)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.list(let x), .list(let y)):
            if x === y { return 0 }
            guard depth < maximumCompareDepth else {
                throw RuntimeError("cannot compare lists nested more than \(maximumCompareDepth) deep with '\(symbol)' (a list that holds itself?)")
            }
            for (left, right) in zip(x.items, y.items) {
                let result = try compare(left, right, symbol, depth: depth + 1)
                if result != 0 { return result }
            }
            return x.items.count < y.items.count ? -1 : (x.items.count > y.items.count ? 1 : 0)
        default:
            throw RuntimeError("cannot compare \(a.typeName) and \(b.typeName) with '\(symbol)'")
        }
    }

    /// Lists inside lists that `<` walks into, one stack frame each: far
    /// past any real data, well short of the stack, and a list that holds
    /// itself ends here instead of recursing forever.
    static let maximumCompareDepth = 10_000

    private static func order(_ x: Double, _ y: Double) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
}

extension Value {
    /// The language's `==`, for hosts that compare values the way scripts do.
    public func isEqual(to other: Value) -> Bool { Operators.equal(self, other) }
}
