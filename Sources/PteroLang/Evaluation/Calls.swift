/// Calling ptero functions: a frame is a window of the value stack, filled
/// with the arguments, released when the call ends, however it ends.
extension Interpreter {
    /// The fast path: positional arguments evaluated straight into the new frame.
    @inline(__always)
    func callClosure(_ closure: Closure, argumentCodes: [ExprCode], callerFrame: Frame) throws -> Value {
        let prototype = closure.prototype
        let compiled = prototype.compiled ?? compile(prototype)
        let parameterCount = prototype.parameters.count
        guard argumentCodes.count <= parameterCount else {
            throw tooManyArguments(prototype, given: argumentCodes.count)
        }
        let slotCount = prototype.slotCount
        let base = try enterFrame(slotCount: slotCount)
        defer { leaveFrame(base, slotCount: slotCount) }
        for index in argumentCodes.indices {
            base[index] = try argumentCodes[index](callerFrame)
        }
        let frame = Frame(slots: base, closure: closure)
        if argumentCodes.count < parameterCount {
            try fillDefaults(prototype, compiled, from: argumentCodes.count, frame: frame)
        }
        return try runBody(compiled, frame: frame)
    }

    /// The general path: named arguments, and calls from Swift.
    func callClosure(_ closure: Closure, arguments: Arguments) throws -> Value {
        let prototype = closure.prototype
        let compiled = prototype.compiled ?? compile(prototype)
        let parameters = prototype.parameters
        guard arguments.positional.count <= parameters.count else {
            throw tooManyArguments(prototype, given: arguments.positional.count)
        }
        let slotCount = prototype.slotCount
        let base = try enterFrame(slotCount: slotCount)
        defer { leaveFrame(base, slotCount: slotCount) }
        var given = Array(repeating: false, count: parameters.count)
        for (index, value) in arguments.positional.enumerated() {
            base[index] = value
            given[index] = true
        }
        for (label, value) in arguments.named {
            guard let index = parameters.firstIndex(where: { $0.name == label }) else {
                let names = parameters.map(\.name).joined(separator: ", ")
                throw RuntimeError("\(prototype.name)() has no parameter named '\(label)'; its parameters are (\(names))")
            }
            if given[index] { throw RuntimeError("\(prototype.name)() got two values for '\(label)'") }
            base[index] = value
            given[index] = true
        }
        let frame = Frame(slots: base, closure: closure)
        for index in parameters.indices where !given[index] {
            guard let defaultCode = compiled.defaults[index] else {
                throw RuntimeError("\(prototype.name)() is missing the argument '\(parameters[index].name)'")
            }
            base[index] = try defaultCode(frame)
        }
        return try runBody(compiled, frame: frame)
    }

    @inline(__always)
    func enterFrame(slotCount: Int) throws -> UnsafeMutablePointer<Value> {
        depth += 1
        let newTop = stackTop + slotCount
        guard depth <= Interpreter.maximumDepth, newTop <= stackLimit else {
            depth -= 1
            throw RuntimeError("stack depth exceeded (more than \(Interpreter.maximumDepth) nested calls)")
        }
        if interruption.isRaised {
            depth -= 1
            throw Interrupted()
        }
        let base = stack + stackTop
        base.initialize(repeating: .null, count: slotCount)
        stackTop = newTop
        return base
    }

    @inline(__always)
    func leaveFrame(_ base: UnsafeMutablePointer<Value>, slotCount: Int) {
        base.deinitialize(count: slotCount)
        stackTop -= slotCount
        depth -= 1
    }

    func fillDefaults(_ prototype: FunctionPrototype, _ compiled: CompiledFunction, from first: Int, frame: Frame) throws {
        for index in first..<prototype.parameters.count {
            guard let defaultCode = compiled.defaults[index] else {
                throw RuntimeError("\(prototype.name)() is missing the argument '\(prototype.parameters[index].name)'")
            }
            frame.slots[index] = try defaultCode(frame)
        }
    }

    @inline(__always)
    func runBody(_ compiled: CompiledFunction, frame: Frame) throws -> Value {
        for index in compiled.capturedParameters {
            frame.slots[index] = .cell(Box(frame.slots[index]))
        }
        if try compiled.body(frame) == .returned {
            let result = returnValue
            returnValue = .null
            return result
        }
        return .null
    }

    func tooManyArguments(_ prototype: FunctionPrototype, given: Int) -> RuntimeError {
        let count = prototype.parameters.count
        return RuntimeError("\(prototype.name)() takes \(count) argument\(count == 1 ? "" : "s"), got \(given)")
    }

    /// Compiles a function on its first call and keeps the result.
    func compile(_ prototype: FunctionPrototype) -> CompiledFunction {
        let compiler = Compiler(interpreter: self, source: prototype.source)
        let compiled = CompiledFunction(
            body: prototype.isChunk ? compiler.compileTopLevel(prototype.body) : compiler.compileBlock(prototype.body),
            defaults: prototype.defaults.map { $0.map { compiler.compile($0) } },
            capturedParameters: prototype.parameters.filter(\.isCaptured).map(\.slot))
        prototype.compiled = compiled
        return compiled
    }
}
