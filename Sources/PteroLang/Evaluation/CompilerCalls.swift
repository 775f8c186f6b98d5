/// Calls, method calls and member reads.
extension Compiler {
    func compileArguments(_ arguments: [ResolvedArgument]) -> (positional: [ExpressionCode], named: [(String, ExpressionCode)]) {
        var positional: [ExpressionCode] = []
        var named: [(String, ExpressionCode)] = []
        for argument in arguments {
            let code = ExpressionCode(run: compile(argument.value))
            if let label = argument.label { named.append((label, code)) } else { positional.append(code) }
        }
        return (positional, named)
    }

    func evaluateArguments(_ positional: [ExpressionCode], _ named: [(String, ExpressionCode)], _ frame: Frame,
                           callee: String) throws -> Arguments {
        var values: [Value] = []
        values.reserveCapacity(positional.count)
        for code in positional { values.append(try code.run(frame)) }
        var labeled: [(label: String, value: Value)] = []
        for (label, code) in named { labeled.append((label, try code.run(frame))) }
        return Arguments(values, named: labeled, callee: callee)
    }

    func compileCall(_ callee: ResolvedExpr, _ arguments: [ResolvedArgument], _ range: SourceRange) -> ExprCode {
        // A named function's cell is read inside the call's own closure.
        if case .variable(.global(let cell)) = callee.kind {
            return compileCall(GlobalCallee(cell: cell, compiler: self, range: callee.range), arguments, range)
        }
        return compileCall(ComputedCallee(code: compile(callee)), arguments, range)
    }

    func compileCall<Callee: CalleeCode>(_ callee: Callee, _ arguments: [ResolvedArgument], _ range: SourceRange) -> ExprCode {
        let (positional, named) = compileArguments(arguments)
        unowned(unsafe) let interpreter = self.interpreter
        // Calls of ptero functions with one or two positional arguments, the
        // most common, keep their argument codes in the closure, not an array.
        if named.isEmpty, positional.count == 1 {
            let first = positional[0].run
            return { frame in
                let function = try callee.run(frame)
                do {
                    if case .closure(let closure) = function {
                        return try interpreter.callClosure(closure, try first(frame))
                    }
                    return try self.callOther(function, positional, frame)
                } catch {
                    throw self.locateCallFailure(error, function, range)
                }
            }
        }
        if named.isEmpty, positional.count == 2 {
            let first = positional[0].run, second = positional[1].run
            return { frame in
                let function = try callee.run(frame)
                do {
                    if case .closure(let closure) = function {
                        let firstValue = try first(frame)
                        return try interpreter.callClosure(closure, firstValue, try second(frame))
                    }
                    return try self.callOther(function, positional, frame)
                } catch {
                    throw self.locateCallFailure(error, function, range)
                }
            }
        }
        return { frame in
            let function = try callee.run(frame)
            do {
                if case .closure(let closure) = function {
                    if named.isEmpty {
                        return try interpreter.callClosure(closure, argumentCount: positional.count) { base in
                            for index in positional.indices { base[index] = try positional[index].run(frame) }
                        }
                    }
                    let arguments = try self.evaluateArguments(positional, named, frame, callee: closure.prototype.name)
                    return try interpreter.callClosure(closure, arguments: arguments)
                }
                var arguments = try self.evaluateArguments(positional, named, frame, callee: "")
                return try interpreter.call(function, arguments: &arguments)
            } catch {
                throw self.locateCallFailure(error, function, range)
            }
        }
    }

    /// Calls a builtin or host function with positional arguments.
    func callOther(_ function: Value, _ positional: [ExpressionCode], _ frame: Frame) throws -> Value {
        var arguments = try evaluateArguments(positional, [], frame, callee: "")
        return try interpreter.call(function, arguments: &arguments)
    }

    /// A failure inside a call, placed at the call, with a note naming each
    /// ptero function it passed through (up to a dozen). One with no place
    /// yet is the call's own (too many arguments): it gets no note.
    func locateCallFailure(_ error: Error, _ function: Value, _ range: SourceRange) -> Error {
        guard let crossing = RuntimeError.crossingSeam(error) as? RuntimeError else { return error }
        let fromInside = crossing.source != nil
        var failure = crossing.located(source, range)
        if fromInside, case .closure(let closure) = function, failure.notes.count < 12 {
            let place = source.location(of: range.start)
            failure.notes.append("  in \(closure.prototype.name)(), called at \(source.name):\(place)")
        }
        return failure
    }

    func compileMethodCall(_ object: @escaping ExprCode, _ name: String, _ arguments: [ResolvedArgument],
                           optional: Bool, _ range: SourceRange) -> ExprCode {
        let (positional, named) = compileArguments(arguments)
        let listMethod = ListMethods.table[name]
        let mapMethod = MapMethods.table[name]
        let stringMethod = StringMethods.table[name]
        unowned(unsafe) let interpreter = self.interpreter
        return { frame in
            let receiver = try object(frame)
            if optional, case .null = receiver { return .null }
            var arguments = try self.evaluateArguments(positional, named, frame, callee: name)
            do {
                switch receiver {
                case .list(let list):
                    if let listMethod { return try listMethod(list, &arguments, interpreter) }
                    if let extra = interpreter.listMethodExtension, let result = try extra(name, list, &arguments, interpreter) {
                        return result
                    }
                case .range(let range):
                    if let listMethod { return try listMethod(ListObject(try range.elements(within: interpreter.limits)), &arguments, interpreter) }
                case .map(let map):
                    if let entry = map.value(forName: name) {
                        arguments.callee = name
                        return try interpreter.call(entry, arguments: &arguments)
                    }
                    if let mapMethod { return try mapMethod(map, &arguments, interpreter) }
                case .string(let text):
                    if let stringMethod { return try stringMethod(text, &arguments, interpreter) }
                case .host(let host):
                    arguments.callee = "\(host.typeName).\(name)"
                    if let result = try host.callMethod(name, arguments: &arguments, interpreter: interpreter) { return result }
                default:
                    break
                }
            } catch {
                throw self.fail(error, range)
            }
            throw self.error(interpreter.noMethodMessage(receiver, name), range)
        }
    }

    func compileMember(_ object: @escaping ExprCode, _ name: String, optional: Bool, _ range: SourceRange) -> ExprCode {
        unowned(unsafe) let interpreter = self.interpreter
        let cache = PositionCache()
        return { frame in
            let receiver = try object(frame)
            if optional, case .null = receiver { return .null }
            if case .map(let map) = receiver, let value = map.value(forName: name, cachedPosition: &cache.position) {
                return value
            }
            do {
                return try interpreter.member(receiver, name)
            } catch {
                throw self.fail(error, range)
            }
        }
    }
}

/// How a call finds what it calls; generic so that each kind is inlined.
protocol CalleeCode {
    func run(_ frame: Frame) throws -> Value
}

/// Any expression: `f(x)(y)`, `list[0](x)`, a local function.
struct ComputedCallee: CalleeCode {
    let code: ExprCode
    @inline(__always) func run(_ frame: Frame) throws -> Value { try code(frame) }
}

/// A global such as a top-level `fn`: one closure call fewer per call.
struct GlobalCallee: CalleeCode {
    let cell: GlobalCell
    let compiler: Compiler
    let range: SourceRange
    @inline(__always) func run(_ frame: Frame) throws -> Value {
        guard cell.isInitialized else { throw compiler.undeclaredYet(cell, range) }
        return cell.value
    }
}
