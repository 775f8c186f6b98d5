/// Turns resolved nodes into Swift closures, once per function, so running
/// is calling closures: no switch on node kinds, no name lookups.
struct Compiler {
    unowned let interpreter: Interpreter
    let source: Source

    func fail(_ error: Error, _ range: SourceRange) -> Error {
        if let runtime = RuntimeError.crossingSeam(error) as? RuntimeError { return runtime.located(source, range) }
        return error
    }

    func error(_ message: String, _ range: SourceRange) -> RuntimeError {
        RuntimeError(message).located(source, range)
    }

    func compile(_ expression: ResolvedExpr) -> ExprCode {
        let range = expression.range
        switch expression.kind {
        case .constant(let value):
            return { _ in value }
        case .template(let parts):
            return compileTemplate(parts, range)
        case .variable(let reference):
            return compileRead(reference, range)
        case .field(let name, let element, let fallback):
            return compileField(name, element: compileRead(element, range),
                                fallback: fallback.map { compileRead($0, range) }, range)
        case .list(let items):
            let codes = items.map { ExpressionCode(run: compile($0)) }
            return { frame in
                var values: [Value] = []
                values.reserveCapacity(codes.count)
                for code in codes { values.append(try code.run(frame)) }
                return .list(ListObject(values))
            }
        case .map(let entries):
            return compileMap(entries, range)
        case .unary(let op, let operand):
            return compileUnary(op, compile(operand), range)
        case .binary(let op, let left, let right):
            return compileBinary(op, left, right, range)
        case .logical(let op, let left, let right):
            return compileLogical(op, compile(left), compile(right), left.range, right.range)
        case .range(let low, let high, let inclusive):
            let lowCode = compile(low), highCode = compile(high)
            return { frame in
                let lowValue = try lowCode(frame), highValue = try highCode(frame)
                guard case .int(let from) = lowValue, case .int(let to) = highValue else {
                    throw self.error("range bounds must be integers, not \(lowValue.typeName) and \(highValue.typeName)", range)
                }
                do {
                    if inclusive {
                        guard to < Int.max else { throw self.error("range end is too large", range) }
                        return .range(try RangeObject.checked(low: from, high: to + 1, inclusive: true))
                    }
                    return .range(try RangeObject.checked(low: from, high: to, inclusive: false))
                } catch {
                    throw self.fail(error, range)
                }
            }
        case .call(let callee, let arguments):
            return compileCall(callee, arguments, range)
        case .methodCall(let object, let name, let arguments, let optional):
            return compileMethodCall(compile(object), name, arguments, optional: optional, range)
        case .member(let object, let name, let optional):
            return compileMember(compile(object), name, optional: optional, range)
        case .index(let object, let index):
            let objectCode = compile(object), indexCode = compile(index)
            unowned(unsafe) let interpreter = self.interpreter
            return { frame in
                let container = try objectCode(frame)
                let key = try indexCode(frame)
                do {
                    return try interpreter.index(container, key)
                } catch {
                    throw self.fail(error, range)
                }
            }
        case .lambda(let prototype):
            return compileLambda(prototype)
        case .query(let collection, let predicate, let condition):
            let collectionCode = compile(collection)
            let predicateCode = compileLambda(predicate)
            unowned(unsafe) let interpreter = self.interpreter
            return { frame in
                let items = try collectionCode(frame)
                let function = try predicateCode(frame)
                do {
                    return try interpreter.query(items, Predicate(function: function, condition: condition,
                                                                  interpreter: interpreter))
                } catch {
                    throw self.fail(error, range)
                }
            }
        }
    }

    func compileRead(_ reference: VariableReference, _ range: SourceRange) -> ExprCode {
        switch reference {
        case .local(let binding):
            let slot = binding.slot
            if binding.isCaptured {
                return { frame in
                    if case .cell(let box) = frame.slots[slot] { return box.value }
                    return frame.slots[slot]
                }
            }
            return { frame in frame.slots[slot] }
        case .capture(let index):
            return { frame in frame.capture(index).value }
        case .global(let cell):
            return { _ in
                guard cell.isInitialized else { throw self.undeclaredYet(cell, range) }
                return cell.value
            }
        }
    }

    func undeclaredYet(_ cell: GlobalCell, _ range: SourceRange) -> RuntimeError {
        error("'\(cell.name)' is used before its declaration", range)
    }

    func compileWrite(_ reference: VariableReference) -> (Frame, Value) -> Void {
        switch reference {
        case .local(let binding):
            let slot = binding.slot
            if binding.isCaptured {
                return { frame, value in
                    if case .cell(let box) = frame.slots[slot] { box.value = value } else { frame.slots[slot] = value }
                }
            }
            return { frame, value in frame.slots[slot] = value }
        case .capture(let index):
            return { frame, value in frame.capture(index).value = value }
        case .global(let cell):
            return { _, value in
                cell.value = value
                cell.isInitialized = true
            }
        }
    }

    func compileLambda(_ prototype: FunctionPrototype) -> ExprCode {
        let captures = prototype.captures
        unowned(unsafe) let interpreter = self.interpreter
        if captures.isEmpty {
            let closure = Closure(prototype: prototype, captures: [], compiled: interpreter.compiled(prototype))
            return { _ in .closure(closure) }
        }
        return { frame in
            var boxes: [Box] = []
            boxes.reserveCapacity(captures.count)
            for capture in captures {
                switch capture {
                case .local(let binding):
                    if case .cell(let box) = frame.slots[binding.slot] {
                        boxes.append(box)
                    } else {
                        let box = Box(frame.slots[binding.slot])
                        frame.slots[binding.slot] = .cell(box)
                        boxes.append(box)
                    }
                case .capture(let index):
                    boxes.append(frame.capture(index))
                case .global(let cell):
                    boxes.append(Box(cell.value))
                }
            }
            return .closure(Closure(prototype: prototype, captures: boxes, compiled: interpreter.compiled(prototype)))
        }
    }

    func compileTemplate(_ parts: [ResolvedTemplatePart], _ range: SourceRange) -> ExprCode {
        let pieces: [(String?, ExpressionCode?)] = parts.map { part in
            switch part {
            case .text(let text): return (text, nil)
            case .code(let code): return (nil, ExpressionCode(run: compile(code)))
            }
        }
        unowned(unsafe) let interpreter = self.interpreter
        return { frame in
            var result = ""
            for (text, code) in pieces {
                if let text { result += text; continue }
                guard let code else { continue }
                let piece = try code.run(frame)
                do {
                    let limits = interpreter.limits
                    let shown = try piece.displayText(within: limits)
                    try limits.checkString(bytes: ValueLimits.sum(result.utf8.count, shown.utf8.count), "interpolated string")
                    result += shown
                } catch {
                    throw self.fail(error, range)
                }
            }
            return .string(result)
        }
    }

    func compileMap(_ entries: [(key: ResolvedExpr, value: ResolvedExpr)], _ range: SourceRange) -> ExprCode {
        if let keys = Self.constantKeys(entries) {
            // A record literal: every map it makes shares one keys array.
            let valueCodes = entries.map { ExpressionCode(run: compile($0.value)) }
            return { frame in
                var values: [Value] = []
                values.reserveCapacity(valueCodes.count)
                for code in valueCodes { values.append(try code.run(frame)) }
                return .map(MapObject(keys: keys, values: values))
            }
        }
        let codes = entries.map { (ExpressionCode(run: compile($0.key)), ExpressionCode(run: compile($0.value)), $0.key.range) }
        let count = codes.count
        return { frame in
            let map = MapObject()
            map.reserve(count)
            for (keyCode, valueCode, keyRange) in codes {
                let key = try keyCode.run(frame)
                guard let mapKey = MapKey(key) else {
                    throw self.error("\(key.describedType) cannot be a map key", keyRange)
                }
                map[mapKey] = try valueCode.run(frame)
            }
            return .map(map)
        }
    }

    /// The keys of a literal whose keys are distinct constant strings, few
    /// enough to need no index; nil otherwise.
    static func constantKeys(_ entries: [(key: ResolvedExpr, value: ResolvedExpr)]) -> [MapKey]? {
        guard !entries.isEmpty, entries.count <= MapObject.indexThreshold else { return nil }
        var keys: [MapKey] = []
        for entry in entries {
            guard case .constant(.string(let name)) = entry.key.kind, !keys.contains(.string(name)) else { return nil }
            keys.append(.string(name))
        }
        return keys
    }
}

extension ResolvedExpr {
    /// The slot of a local read that holds its value itself (not a cell),
    /// which fused operations read in place.
    var plainLocalSlot: Int? {
        guard case .variable(.local(let binding)) = kind, !binding.isCaptured else { return nil }
        return binding.slot
    }
}
