/// `for` loops: lists and ranges run without an iterator object; maps give
/// keys (or key and value), everything else goes through `makeIterator`.
extension Compiler {
    func compileForLoop(_ loop: ResolvedForLoop, _ range: SourceRange) -> StmtCode {
        if let body = loop.parallelBody { return compileParallelLoop(loop, body: body) }
        let iterableCode = compile(loop.iterable)
        let first = compileLoopVariable(loop.variables[0])
        let second = loop.variables.count > 1 ? compileLoopVariable(loop.variables[1]) : nil
        let condition = loop.condition.map { compileCondition($0, "where") }
        let filter = compileLoopFilter(loop)
        let body = compileBlock(loop.body)
        unowned(unsafe) let interpreter = self.interpreter
        let iterableRange = loop.iterable.range

        /// One turn: bind, filter, run. Nil means go on; a flow means stop with it.
        func turn(_ frame: Frame, _ a: Value, _ b: Value?, filtered: Bool) throws -> Flow? {
            try interpreter.checkInterrupt()
            if let second, let b {
                first(frame, a)
                second(frame, b)
            } else {
                first(frame, a)
            }
            if !filtered, let condition, !(try condition(frame)) { return nil }
            switch try body(frame) {
            case .breakLoop: return .next
            case .returned: return .returned
            case .next, .continueLoop: return nil
            }
        }

        return { frame in
            let iterable = try iterableCode(frame)
            let pairs = second != nil
            switch iterable {
            case .list(let list):
                let items = list.items
                for position in items.indices {
                    if let flow = try turn(frame, pairs ? .int(position) : items[position], pairs ? items[position] : nil, filtered: false) {
                        return flow
                    }
                }
                return .next
            case .range(let range):
                for position in 0..<range.count {
                    let element = Value.int(range.element(position))
                    if let flow = try turn(frame, pairs ? .int(position) : element, pairs ? element : nil, filtered: false) { return flow }
                }
                return .next
            case .map(let map):
                let keys = map.keys
                for key in keys {
                    let value = pairs ? (map[key] ?? .null) : nil
                    if pairs && map[key] == nil { continue }
                    if let flow = try turn(frame, key.value, value, filtered: false) { return flow }
                }
                return .next
            default:
                // A host value handed the condition checks it itself.
                let filtered = try filter?(frame, iterable)
                let next: () throws -> Value?
                do { next = try interpreter.makeIterator(filtered ?? iterable) } catch { throw self.fail(error, iterableRange) }
                var position = 0
                while true {
                    let element: Value?
                    do { element = try next() } catch { throw self.fail(error, iterableRange) }
                    guard let element else { return .next }
                    if let flow = try turn(frame, pairs ? .int(position) : element, pairs ? element : nil,
                                           filtered: filtered != nil) { return flow }
                    position += 1
                }
            }
        }
    }

    /// `for x in Q where C` hands C to a host value `Q` as `(Q where C)`
    /// does, so a panel query filters on the panel and pages lazily; nil
    /// from the host (or a plain value) means the loop checks C itself.
    func compileLoopFilter(_ loop: ResolvedForLoop) -> ((Frame, Value) throws -> Value?)? {
        guard let predicate = loop.predicate else { return nil }
        let predicateCode = compileLambda(predicate.function)
        let condition = predicate.condition
        unowned(unsafe) let interpreter = self.interpreter
        let range = loop.iterable.range
        return { frame, iterable in
            guard case .host(let host) = iterable else { return nil }
            let function = try predicateCode(frame)
            do {
                return try host.filtered(by: Predicate(function: function, condition: condition, interpreter: interpreter),
                                         interpreter: interpreter)
            } catch {
                throw self.fail(error, range)
            }
        }
    }

    /// A loop variable captured by a closure gets a fresh cell each turn,
    /// so closures made in different turns see different values.
    func compileLoopVariable(_ reference: VariableReference) -> (Frame, Value) -> Void {
        if case .local(let binding) = reference, binding.isCaptured {
            let slot = binding.slot
            return { frame, value in frame.slots[slot] = .cell(Box(value)) }
        }
        return compileWrite(reference)
    }

    /// `parallel[(N)] for`: the turns are calls of the body function,
    /// run by `ParallelRun` (or one after another inside another one).
    func compileParallelLoop(_ loop: ResolvedForLoop, body: FunctionPrototype) -> StmtCode {
        let iterableCode = compile(loop.iterable)
        let limitCode = loop.parallel.flatMap { $0 }.map { (compile($0), $0.range) }
        let bodyCode = compileLambda(body)
        let filter = compileLoopFilter(loop)
        let pairs = loop.variables.count > 1
        unowned(unsafe) let interpreter = self.interpreter
        let iterableRange = loop.iterable.range
        return { frame in
            let iterable = try iterableCode(frame)
            var workers = interpreter.defaultParallelism
            if let (code, range) = limitCode {
                guard case .int(let limit) = try code(frame), limit >= 1 else {
                    throw self.error("parallel(N) needs a whole number of at least 1", range)
                }
                workers = limit
            }
            workers = min(workers, ParallelRun.maximumWorkers)
            let function = try bodyCode(frame)
            // The body checks the condition again: harmless, it holds for what the host kept.
            let produce = try self.turns(of: try filter?(frame, iterable) ?? iterable, pairs: pairs, range: iterableRange)
            if interpreter.isInParallelLoop || workers == 1 {
                while let arguments = try produce() {
                    try interpreter.checkInterrupt()
                    _ = try interpreter.call(function, arguments)
                }
                return .next
            }
            try ParallelRun(interpreter: interpreter, body: function, produce: produce).run(workers: workers)
            return .next
        }
    }

    /// The arguments of each turn: the element, or (index or key, element).
    func turns(of iterable: Value, pairs: Bool, range: SourceRange) throws -> () throws -> [Value]? {
        if pairs, case .map(let map) = iterable {
            let keys = map.keys
            var position = 0
            return {
                while position < keys.count {
                    defer { position += 1 }
                    if let value = map[keys[position]] { return [keys[position].value, value] }
                }
                return nil
            }
        }
        let next: () throws -> Value?
        do { next = try interpreter.makeIterator(iterable) } catch { throw fail(error, range) }
        var position = 0
        return {
            let element: Value?
            do { element = try next() } catch { throw self.fail(error, range) }
            guard let element else { return nil }
            defer { position += 1 }
            return pairs ? [.int(position), element] : [element]
        }
    }
}
