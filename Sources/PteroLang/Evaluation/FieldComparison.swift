/// Comparisons of a field inside a `where` with a value of another type are
/// errors. `servers where node == row.node`, with `row` from `parse_csv`,
/// compared the int 3 with the string "3": false for every server, so the
/// loop silently did nothing. Ints and floats compare by value and null
/// compares with anything, as everywhere; lists, maps and panel objects are
/// left to the usual rules.
extension Compiler {
    /// Nil unless `op` compares and one side is a bare field name of a `where`.
    func compileFieldComparison(_ op: BinaryOperator, _ left: ResolvedExpr, _ right: ResolvedExpr,
                                _ range: SourceRange) -> ExprCode? {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: break
        default: return nil
        }
        let leftField = fieldName(left), rightField = fieldName(right)
        guard leftField != nil || rightField != nil else { return nil }
        if let fast = fieldAgainstInteger(op, left, right, range) { return fast }
        let leftCode = compileSide(left, range), rightCode = compileSide(right, range)
        return { frame in
            let (a, aIsField) = try leftCode(frame)
            let (b, bIsField) = try rightCode(frame)
            return try self.compareChecked(op, a, aIsField, leftField, b, bIsField, rightField, range)
        }
    }

    /// `field OP 3`, the commonest `where` (`node == 3`, `memory > 2048`):
    /// one lookup and an integer comparison chosen here, not per element
    /// (the general path cost the filter benchmark a fifth of its time).
    private func fieldAgainstInteger(_ op: BinaryOperator, _ left: ResolvedExpr, _ right: ResolvedExpr,
                                     _ range: SourceRange) -> ExprCode? {
        guard let name = fieldName(left), case .constant(.int(let constant)) = right.kind else { return nil }
        let lookup = compileSide(left, range)
        let other = Value.int(constant)
        let general: (Value, Bool) throws -> Value = { value, isField in
            try self.compareChecked(op, value, isField, name, other, false, nil, range)
        }
        switch op {
        case .equal:
            return { frame in
                let (value, isField) = try lookup(frame)
                if case .int(let number) = value { return .bool(number == constant) }
                return try general(value, isField)
            }
        case .notEqual:
            return { frame in
                let (value, isField) = try lookup(frame)
                if case .int(let number) = value { return .bool(number != constant) }
                return try general(value, isField)
            }
        case .less:
            return { frame in
                let (value, isField) = try lookup(frame)
                if case .int(let number) = value { return .bool(number < constant) }
                return try general(value, isField)
            }
        case .lessEqual:
            return { frame in
                let (value, isField) = try lookup(frame)
                if case .int(let number) = value { return .bool(number <= constant) }
                return try general(value, isField)
            }
        case .greater:
            return { frame in
                let (value, isField) = try lookup(frame)
                if case .int(let number) = value { return .bool(number > constant) }
                return try general(value, isField)
            }
        case .greaterEqual:
            return { frame in
                let (value, isField) = try lookup(frame)
                if case .int(let number) = value { return .bool(number >= constant) }
                return try general(value, isField)
            }
        default:
            return nil
        }
    }

    /// Compares `a` and `b`, refusing scalars of two kinds when either is a field.
    private func compareChecked(_ op: BinaryOperator, _ a: Value, _ aIsField: Bool, _ leftField: String?,
                                _ b: Value, _ bIsField: Bool, _ rightField: String?, _ range: SourceRange) throws -> Value {
        // Two ints, the commonest case (`node == 3`), compare in place.
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            case .less: return .bool(x < y)
            case .lessEqual: return .bool(x <= y)
            case .greater: return .bool(x > y)
            default: return .bool(x >= y)
            }
        }
        if aIsField || bIsField, let first = ScalarKind(a), let second = ScalarKind(b), first != second {
            let described = [(a, aIsField ? leftField : nil), (b, bIsField ? rightField : nil)].map { value, name in
                name.map { "\($0) (\(value.describedType), \(value.literalText))" } ?? "\(value.literalText) (\(value.describedType))"
            }
            let outcome = op == .equal ? "never matches" : op == .notEqual ? "always matches" : "cannot order them"
            throw self.error("comparing \(described[0]) with \(described[1]) in a 'where' \(outcome): write int(x) or str(x)", range)
        }
        do {
            return .bool(try Self.compare(op, a, b))
        } catch {
            throw self.fail(error, range)
        }
    }

    private func fieldName(_ expression: ResolvedExpr) -> String? {
        if case .field(let name, element: let element, fallback: let fallback) = expression.kind {
            _ = (element, fallback)
            return name
        }
        return nil
    }

    /// A side's value, and whether it is the element's field.
    private func compileSide(_ expression: ResolvedExpr, _ range: SourceRange) -> (Frame) throws -> (Value, Bool) {
        if case .field(let name, element: let element, fallback: let fallback) = expression.kind {
            return compileFieldLookup(name, element: compileRead(element, expression.range),
                                      fallback: fallback.map { compileRead($0, expression.range) }, expression.range)
        }
        let code = compile(expression)
        return { frame in (try code(frame), false) }
    }

    static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case .equal: return Operators.equal(a, b)
        case .notEqual: return !Operators.equal(a, b)
        case .less: return try Operators.compare(a, b, op.rawValue) < 0
        case .lessEqual: return try Operators.compare(a, b, op.rawValue) <= 0
        case .greater: return try Operators.compare(a, b, op.rawValue) > 0
        default: return try Operators.compare(a, b, op.rawValue) >= 0
        }
    }
}

/// The kinds of plain value a `where` field may be compared across: a bool,
/// a number (int or float) or a string. Others have no kind here.
private enum ScalarKind {
    case bool, number, string

    init?(_ value: Value) {
        switch value {
        case .bool: self = .bool
        case .int, .double: self = .number
        case .string: self = .string
        case .cell(let box): self.init(box.value)
        default: return nil
        }
    }
}
