/// Operators, with the integer cases inlined: they are what loops spend time on.
extension Compiler {
    func compileUnary(_ op: UnaryOperator, _ operand: @escaping ExprCode, _ range: SourceRange) -> ExprCode {
        switch op {
        case .negate:
            return { frame in
                switch try operand(frame) {
                case .int(let number):
                    guard number != Int.min else { throw self.error("integer overflow in negation", range) }
                    return .int(-number)
                case .double(let number): return .double(-number)
                case let other: throw self.error("cannot negate \(other.describedType)", range)
                }
            }
        case .not:
            return { frame in
                switch try operand(frame) {
                case .bool(let flag): return .bool(!flag)
                case let other: throw self.error("'not' needs true or false, got \(other.typeName)", range)
                }
            }
        }
    }

    func compileBinary(_ op: BinaryOperator, _ left: ResolvedExpr, _ right: ResolvedExpr, _ range: SourceRange) -> ExprCode {
        if let comparison = compileFieldComparison(op, left, right, range) { return comparison }
        let leftCode = compile(left), rightCode = compile(right)
        unowned(unsafe) let interpreter = self.interpreter
        // A constant integer right operand (`n - 1`, `x < 2`) skips one closure call.
        if case .constant(.int(let constant)) = right.kind, let fast = integerConstantFast(op, left, leftCode, constant, range) {
            return fast
        }
        switch op {
        case .add:
            return { frame in
                let a = try leftCode(frame), b = try rightCode(frame)
                if case .int(let x) = a, case .int(let y) = b {
                    let (sum, overflow) = x.addingReportingOverflow(y)
                    if overflow { throw self.error("integer overflow in \(x) + \(y)", range) }
                    return .int(sum)
                }
                do { return try Operators.add(a, b, limits: interpreter.limits) } catch { throw self.fail(error, range) }
            }
        case .subtract, .multiply, .divide, .remainder:
            return { frame in
                let a = try leftCode(frame), b = try rightCode(frame)
                do {
                    if case .int(let x) = a, case .int(let y) = b { return .int(try Operators.integer(op, x, y)) }
                    return try Operators.arithmetic(op, a, b, limits: interpreter.limits)
                } catch {
                    throw self.fail(error, range)
                }
            }
        case .equal:
            return { frame in .bool(Operators.equal(try leftCode(frame), try rightCode(frame))) }
        case .notEqual:
            return { frame in .bool(!Operators.equal(try leftCode(frame), try rightCode(frame))) }
        case .less, .lessEqual, .greater, .greaterEqual:
            return { frame in
                let a = try leftCode(frame), b = try rightCode(frame)
                if case .int(let x) = a, case .int(let y) = b {
                    switch op {
                    case .less: return .bool(x < y)
                    case .lessEqual: return .bool(x <= y)
                    case .greater: return .bool(x > y)
                    default: return .bool(x >= y)
                    }
                }
                do {
                    let order = try Operators.compare(a, b, op.rawValue)
                    switch op {
                    case .less: return .bool(order < 0)
                    case .lessEqual: return .bool(order <= 0)
                    case .greater: return .bool(order > 0)
                    default: return .bool(order >= 0)
                    }
                } catch {
                    throw self.fail(error, range)
                }
            }
        case .contains, .notContains:
            return { frame in
                let element = try leftCode(frame), container = try rightCode(frame)
                do {
                    let found = try interpreter.contains(container, element)
                    return .bool(op == .contains ? found : !found)
                } catch {
                    throw self.fail(error, range)
                }
            }
        case .matches:
            return { frame in
                let text = try leftCode(frame), pattern = try rightCode(frame)
                do { return .bool(try interpreter.regexMatches(text, pattern)) } catch { throw self.fail(error, range) }
            }
        }
    }

    func integerConstantFast(_ op: BinaryOperator, _ left: ResolvedExpr, _ leftCode: @escaping ExprCode, _ constant: Int,
                             _ range: SourceRange) -> ExprCode? {
        let rightValue = Value.int(constant)
        unowned(unsafe) let interpreter = self.interpreter
        // `n - 1` on a plain local reads its slot here: one closure call, not two.
        if let slot = left.plainLocalSlot, op == .add || op == .subtract {
            // The closure keeps only what the int path needs: every capture
            // is loaded on every call.
            let step = op == .add ? (partialValue: constant, overflow: false) : constant.multipliedReportingOverflow(by: -1)
            let slowPath = SlowArithmetic(compiler: self, op: op, constant: constant, range: range)
            if step.overflow { return { frame in try slowPath.run(frame.slots[slot]) } }
            let delta = step.partialValue
            return { frame in
                if case .int(let x) = frame.slots[slot] {
                    let (result, overflow) = x.addingReportingOverflow(delta)
                    if !overflow { return .int(result) }
                }
                return try slowPath.run(frame.slots[slot])
            }
        }
        switch op {
        case .multiply, .divide, .remainder:
            return { frame in
                let a = try leftCode(frame)
                do {
                    if case .int(let x) = a { return .int(try Operators.integer(op, x, constant)) }
                    return try Operators.arithmetic(op, a, rightValue, limits: interpreter.limits)
                } catch {
                    throw self.fail(error, range)
                }
            }
        case .add, .subtract:
            let isAdd = op == .add
            return { frame in
                let a = try leftCode(frame)
                if case .int(let x) = a {
                    let (result, overflow) = isAdd ? x.addingReportingOverflow(constant) : x.subtractingReportingOverflow(constant)
                    if overflow { throw self.error("integer overflow in \(x) \(op.rawValue) \(constant)", range) }
                    return .int(result)
                }
                do {
                    return isAdd ? try Operators.add(a, rightValue, limits: interpreter.limits)
                        : try Operators.arithmetic(op, a, rightValue, limits: interpreter.limits)
                } catch {
                    throw self.fail(error, range)
                }
            }
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            return { frame in
                let a = try leftCode(frame)
                if case .int(let x) = a {
                    switch op {
                    case .less: return .bool(x < constant)
                    case .lessEqual: return .bool(x <= constant)
                    case .greater: return .bool(x > constant)
                    case .greaterEqual: return .bool(x >= constant)
                    case .equal: return .bool(x == constant)
                    default: return .bool(x != constant)
                    }
                }
                do {
                    switch op {
                    case .equal: return .bool(Operators.equal(a, rightValue))
                    case .notEqual: return .bool(!Operators.equal(a, rightValue))
                    default:
                        let order = try Operators.compare(a, rightValue, op.rawValue)
                        switch op {
                        case .less: return .bool(order < 0)
                        case .lessEqual: return .bool(order <= 0)
                        case .greater: return .bool(order > 0)
                        default: return .bool(order >= 0)
                        }
                    }
                } catch {
                    throw self.fail(error, range)
                }
            }
        default:
            return nil
        }
    }

    func compileLogical(_ op: LogicalOperator, _ left: @escaping ExprCode, _ right: @escaping ExprCode,
                        _ leftRange: SourceRange, _ rightRange: SourceRange) -> ExprCode {
        switch op {
        case .nullDefault:
            return { frame in
                let value = try left(frame)
                if case .null = value { return try right(frame) }
                return value
            }
        case .and, .or:
            let isAnd = op == .and
            return { frame in
                guard case .bool(let first) = try left(frame) else {
                    throw self.error("'\(op.rawValue)' needs true or false on its left; use '??' for a default value", leftRange)
                }
                if first != isAnd { return .bool(first) }
                guard case .bool(let second) = try right(frame) else {
                    throw self.error("'\(op.rawValue)' needs true or false on its right", rightRange)
                }
                return .bool(second)
            }
        }
    }

    /// A bare name in a `where`: the element's field if it has one, else the variable.
    func compileField(_ name: String, element: @escaping ExprCode, fallback: ExprCode?, _ range: SourceRange) -> ExprCode {
        let lookup = compileFieldLookup(name, element: element, fallback: fallback, range)
        return { frame in try lookup(frame).value }
    }

    /// The field's value, and whether it was the element's field (not the fallback variable).
    func compileFieldLookup(_ name: String, element: @escaping ExprCode, fallback: ExprCode?,
                            _ range: SourceRange) -> (Frame) throws -> (value: Value, isField: Bool) {
        unowned(unsafe) let interpreter = self.interpreter
        let cache = PositionCache()
        return { frame in
            let item = try element(frame)
            switch item {
            case .map(let map):
                if let value = map.value(forName: name, cachedPosition: &cache.position) { return (value, true) }
            case .host(let host):
                do {
                    if let value = try host.member(name, interpreter: interpreter) { return (value, true) }
                } catch {
                    throw self.fail(error, range)
                }
            default:
                break
            }
            if let fallback { return (try fallback(frame), false) }
            let hint = closestName(to: name, among: interpreter.memberNames(of: item)).map { "; did you mean '\($0)'?" } ?? ""
            throw self.error("'\(name)' is neither a field of this \(item.typeName) nor a declared name\(hint)", range)
        }
    }
}

/// `value ± constant` for anything but a small int result: other types,
/// and the overflow error.
final class SlowArithmetic {
    let compiler: Compiler
    let op: BinaryOperator
    let constant: Int
    let range: SourceRange
    init(compiler: Compiler, op: BinaryOperator, constant: Int, range: SourceRange) {
        self.compiler = compiler
        self.op = op
        self.constant = constant
        self.range = range
    }

    func run(_ value: Value) throws -> Value {
        do {
            if case .int(let x) = value { return .int(try Operators.integer(op, x, constant)) }
            let limits = compiler.interpreter.limits
            return op == .add ? try Operators.add(value, .int(constant), limits: limits)
                : try Operators.arithmetic(op, value, .int(constant), limits: limits)
        } catch {
            throw compiler.fail(error, range)
        }
    }
}
