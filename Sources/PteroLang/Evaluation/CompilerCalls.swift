/// Calls, method calls and member reads.
extension Compiler {
    func compileArguments(_ arguments: [ResolvedArgument]) -> (positional: [ExprCode], named: [(String, ExprCode)]) {
        var positional: [ExprCode] = []
        var named: [(String, ExprCode)] = []
        for argument in arguments {
            if let label = argument.label { named.append((label, compile(argument.value))) } else { positional.append(compile(argument.value)) }
        }
        return (positional, named)
    }

    func evaluateArguments(_ positional: [ExprCode], _ named: [(String, ExprCode)], _ frame: Frame,
                           callee: String) throws -> Arguments {
        var values: [Value] = []
        values.reserveCapacity(positional.count)
        for code in positional { values.append(try code(frame)) }
        var labeled: [(label: String, value: Value)] = []
        for (label, code) in named { labeled.append((label, try code(frame))) }
        return Arguments(values, named: labeled, callee: callee)
    }

    func compileCall(_ callee: @escaping ExprCode, _ arguments: [ResolvedArgument], _ range: SourceRange) -> ExprCode {
        let (positional, named) = compileArguments(arguments)
        let interpreter = self.interpreter
        let source = self.source
        return { frame in
            let function = try callee(frame)
            do {
                if case .closure(let closure) = function {
                    if named.isEmpty {
                        return try interpreter.callClosure(closure, argumentCodes: positional, callerFrame: frame)
                    }
                    let arguments = try self.evaluateArguments(positional, named, frame, callee: closure.prototype.name)
                    return try interpreter.callClosure(closure, arguments: arguments)
                }
                var arguments = try self.evaluateArguments(positional, named, frame, callee: "")
                return try interpreter.call(function, arguments: &arguments)
            } catch var failure as RuntimeError {
                failure = failure.located(source, range)
                if case .closure(let closure) = function, failure.notes.count < 12 {
                    let place = source.location(of: range.start)
                    failure.notes.append("  in \(closure.prototype.name)(), called at \(source.name):\(place)")
                }
                throw failure
            }
        }
    }

    func compileMethodCall(_ object: @escaping ExprCode, _ name: String, _ arguments: [ResolvedArgument],
                           optional: Bool, _ range: SourceRange) -> ExprCode {
        let (positional, named) = compileArguments(arguments)
        let listMethod = ListMethods.table[name]
        let mapMethod = MapMethods.table[name]
        let stringMethod = StringMethods.table[name]
        let interpreter = self.interpreter
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
                    if let listMethod { return try listMethod(ListObject(range.elements), &arguments, interpreter) }
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
        let interpreter = self.interpreter
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

extension RangeObject {
    var elements: [Value] { (0..<count).map { .int(element($0)) } }
}
