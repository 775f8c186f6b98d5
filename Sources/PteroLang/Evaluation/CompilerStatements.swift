/// Statements and blocks.
extension Compiler {
    /// A chunk's statements: each one starts a new statement epoch, and
    /// none starts after Ctrl-C (or SIGTERM), even one that loops or calls nothing.
    func compileTopLevel(_ statements: [ResolvedStmt]) -> StmtCode {
        let codes = statements.map { StatementCode(run: compile($0)) }
        unowned(unsafe) let interpreter = self.interpreter
        return { frame in
            for code in codes {
                try interpreter.checkInterrupt()
                interpreter.statementEpoch &+= 1
                let flow = try code.run(frame)
                if flow != .next { return flow }
            }
            return .next
        }
    }

    func compileBlock(_ statements: [ResolvedStmt]) -> StmtCode {
        // Captured local functions get their cell first, so functions of one
        // block can call each other whatever their order.
        var hoistedCells: [Int] = []
        for statement in statements {
            if case .defineFunction(let reference, let prototype) = statement.kind, case .local(let binding) = reference {
                _ = prototype
                if binding.isCaptured { hoistedCells.append(binding.slot) }
            }
        }
        let run: StmtCode
        switch statements.count {
        case 0: run = { _ in .next }
        case 1: run = compile(statements[0])
        case 2:
            let first = compile(statements[0]), second = compile(statements[1])
            run = { frame in
                let flow = try first(frame)
                if flow != .next { return flow }
                return try second(frame)
            }
        default:
            let codes = statements.map { StatementCode(run: compile($0)) }
            run = { frame in
                for code in codes {
                    let flow = try code.run(frame)
                    if flow != .next { return flow }
                }
                return .next
            }
        }
        if hoistedCells.isEmpty { return run }
        return { frame in
            for slot in hoistedCells { frame.slots[slot] = .cell(Box(.null)) }
            return try run(frame)
        }
    }

    func compile(_ statement: ResolvedStmt) -> StmtCode {
        let range = statement.range
        switch statement.kind {
        case .expression(let expression):
            let code = compile(expression)
            return { frame in
                _ = try code(frame)
                return .next
            }
        case .define(let reference, let value):
            let code = compile(value)
            if case .local(let binding) = reference, binding.isCaptured {
                let slot = binding.slot
                return { frame in
                    frame.slots[slot] = .cell(Box(try code(frame)))
                    return .next
                }
            }
            let write = compileWrite(reference)
            return { frame in
                write(frame, try code(frame))
                return .next
            }
        case .defineFunction(let reference, let prototype):
            let code = compileLambda(prototype)
            let write = compileWrite(reference)
            return { frame in
                write(frame, try code(frame))
                return .next
            }
        case .assign(let target, let compound, let value):
            return compileAssignment(target, compound, compile(value), range)
        case .ifElse(let condition, let then, let otherwise):
            let conditionCode = compileCondition(condition, "if")
            let thenCode = compileBlock(then)
            if otherwise.isEmpty { return { frame in try conditionCode(frame) ? try thenCode(frame) : .next } }
            let elseCode = compileBlock(otherwise)
            return { frame in try conditionCode(frame) ? try thenCode(frame) : try elseCode(frame) }
        case .whileLoop(let condition, let body):
            let conditionCode = compileCondition(condition, "while")
            let bodyCode = compileBlock(body)
            unowned(unsafe) let interpreter = self.interpreter
            return { frame in
                while try conditionCode(frame) {
                    try interpreter.checkInterrupt()
                    switch try bodyCode(frame) {
                    case .breakLoop: return .next
                    case .returned: return .returned
                    case .next, .continueLoop: continue
                    }
                }
                return .next
            }
        case .forLoop(let loop):
            return compileForLoop(loop, range)
        case .breakLoop:
            return { _ in .breakLoop }
        case .continueLoop:
            return { _ in .continueLoop }
        case .whereFilter(let condition):
            let conditionCode = compileCondition(condition, "where")
            return { frame in try conditionCode(frame) ? .next : .continueLoop }
        case .returnValue(let value):
            guard let value else { return { frame in frame.returnSlot.pointee = .null; return .returned } }
            let code = compile(value)
            return { frame in
                frame.returnSlot.pointee = try code(frame)
                return .returned
            }
        case .tryCatch(let body, let errorBinding, let handler):
            let bodyCode = compileBlock(body), handlerCode = compileBlock(handler)
            let write = errorBinding.map { compileWrite($0) }
            let errorSlot: Int? = {
                if case .local(let binding)? = errorBinding, binding.isCaptured { return binding.slot }
                return nil
            }()
            return { frame in
                do {
                    return try bodyCode(frame)
                } catch {
                    // Whatever a host threw is a script error here too.
                    guard let failure = RuntimeError.crossingSeam(error) as? RuntimeError, failure.isCatchable else { throw error }
                    let value = failure.caughtValue
                    if let errorSlot { frame.slots[errorSlot] = .cell(Box(value)) } else { write?(frame, value) }
                    return try handlerCode(frame)
                }
            }
        case .importFile(let statements, let file):
            let code = Compiler(interpreter: interpreter, source: file).compileBlock(statements)
            return { frame in
                _ = try code(frame)
                return .next
            }
        }
    }

    /// Conditions must be true or false: `if count` is a mistake worth naming.
    func compileCondition(_ condition: ResolvedExpr, _ keyword: String) -> (Frame) throws -> Bool {
        if let comparison = compileIntegerComparison(condition) { return comparison }
        let code = compile(condition)
        let range = condition.range
        return { frame in
            let value = try code(frame)
            guard case .bool(let flag) = value else {
                throw self.error("the '\(keyword)' condition must be true or false, got \(value.typeName)", range)
            }
            return flag
        }
    }

    /// `n < 2` on a plain local, as a condition: the slot compared in place,
    /// no bool made and taken apart. Anything but an int goes the general way.
    func compileIntegerComparison(_ condition: ResolvedExpr) -> ((Frame) throws -> Bool)? {
        guard case .binary(let op, let left, let right) = condition.kind,
              case .constant(.int(let constant)) = right.kind, let slot = left.plainLocalSlot else { return nil }
        switch op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: break
        default: return nil
        }
        let general = compile(condition)
        return { frame in
            if case .int(let x) = frame.slots[slot] {
                switch op {
                case .less: return x < constant
                case .lessEqual: return x <= constant
                case .greater: return x > constant
                case .greaterEqual: return x >= constant
                case .equal: return x == constant
                default: return x != constant
                }
            }
            guard case .bool(let flag) = try general(frame) else { return false }
            return flag
        }
    }

    func compileAssignment(_ target: ResolvedTarget, _ compound: BinaryOperator?, _ value: @escaping ExprCode,
                           _ range: SourceRange) -> StmtCode {
        unowned(unsafe) let interpreter = self.interpreter
        func combine(_ old: Value, _ new: Value) throws -> Value {
            guard let compound else { return new }
            do {
                if case .int(let x) = old, case .int(let y) = new { return .int(try Operators.integer(compound, x, y)) }
                return compound == .add ? try Operators.add(old, new, limits: interpreter.limits)
                    : try Operators.arithmetic(compound, old, new, limits: interpreter.limits)
            } catch {
                throw self.fail(error, range)
            }
        }
        switch target {
        case .variable(let reference):
            let write = compileWrite(reference)
            if compound == nil {
                return { frame in
                    write(frame, try value(frame))
                    return .next
                }
            }
            let read = compileRead(reference, range)
            return { frame in
                write(frame, try combine(try read(frame), try value(frame)))
                return .next
            }
        case .index(let object, let index):
            let objectCode = compile(object), indexCode = compile(index)
            return { frame in
                let container = try objectCode(frame), key = try indexCode(frame)
                do {
                    let old = compound == nil ? Value.null : try interpreter.index(container, key)
                    try interpreter.setIndex(container, key, try combine(old, try value(frame)))
                } catch {
                    throw self.fail(error, range)
                }
                return .next
            }
        case .member(let object, let name):
            let objectCode = compile(object)
            return { frame in
                let container = try objectCode(frame)
                do {
                    let old = compound == nil ? Value.null : try interpreter.member(container, name)
                    try interpreter.setMember(container, name, try combine(old, try value(frame)))
                } catch {
                    throw self.fail(error, range)
                }
                return .next
            }
        }
    }
}

extension RuntimeError {
    /// What `catch e` binds: a map with the message, the place and any details.
    var caughtValue: Value {
        var pairs: [(String, Value)] = [("message", .string(message))]
        if let source, let range {
            let place = source.location(of: range.start)
            pairs += [("file", .string(source.name)), ("line", .int(place.line)), ("column", .int(place.column))]
        }
        pairs += details
        return .map(MapObject(pairs))
    }
}
