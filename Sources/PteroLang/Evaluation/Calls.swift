/// Calling ptero functions: a frame is a window of the value stack, filled
/// with the arguments, released when the call ends, however it ends.
extension Interpreter {
    /// The fast path: positional arguments evaluated straight into the new
    /// frame by `fill`, which is inlined into each caller.
    @inline(__always)
    func callClosure(_ closure: Closure, argumentCount: Int,
                     fill: (UnsafeMutablePointer<Value>) throws -> Void) throws -> Value {
        let prototype = closure.prototype
        guard argumentCount <= prototype.parameters.count else {
            throw tooManyArguments(prototype, given: argumentCount)
        }
        let slotCount = prototype.slotCount
        let slots = try enterFrame(slotCount: slotCount, uninitialized: 0)
        defer { leaveFrame(slots, slotCount: slotCount) }
        try fill(slots)
        return try runBody(closure, argumentCount: argumentCount, slots: slots)
    }

    /// The fastest path: one argument, already evaluated, moved into its slot.
    @inline(__always)
    func callClosure(_ closure: Closure, _ first: Value) throws -> Value {
        let prototype = closure.prototype
        guard prototype.parameters.count >= 1 else { throw tooManyArguments(prototype, given: 1) }
        let slotCount = prototype.slotCount
        let slots = try enterFrame(slotCount: slotCount, uninitialized: 1)
        slots.initialize(to: first)
        defer { leaveFrame(slots, slotCount: slotCount) }
        return try runBody(closure, argumentCount: 1, slots: slots)
    }

    /// Two arguments, already evaluated.
    @inline(__always)
    func callClosure(_ closure: Closure, _ first: Value, _ second: Value) throws -> Value {
        let prototype = closure.prototype
        guard prototype.parameters.count >= 2 else { throw tooManyArguments(prototype, given: 2) }
        let slotCount = prototype.slotCount
        let slots = try enterFrame(slotCount: slotCount, uninitialized: 2)
        slots.initialize(to: first)
        (slots + 1).initialize(to: second)
        defer { leaveFrame(slots, slotCount: slotCount) }
        return try runBody(closure, argumentCount: 2, slots: slots)
    }

    /// The general path: named arguments, and calls from Swift.
    func callClosure(_ closure: Closure, arguments: Arguments) throws -> Value {
        let prototype = closure.prototype
        let compiled = closure.compiled
        let parameters = prototype.parameters
        guard arguments.positional.count <= parameters.count else {
            throw tooManyArguments(prototype, given: arguments.positional.count)
        }
        let slotCount = prototype.slotCount
        let base = try enterFrame(slotCount: slotCount, uninitialized: 0)
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
            base[index] = try defaultCode.run(frame)
        }
        return try runBody(compiled, frame: frame)
    }

    /// Reserves a frame of `slotCount` slots, plus the return slot below
    /// them, on the value stack. All but the first `uninitialized` slots
    /// start as null; the caller initializes those before anything can throw.
    @inline(__always)
    func enterFrame(slotCount: Int, uninitialized: Int) throws -> UnsafeMutablePointer<Value> {
        depth &+= 1
        let newTop = stackTop &+ slotCount &+ 1
        guard depth <= Interpreter.maximumDepth, newTop <= stackLimit else {
            depth &-= 1
            var failure = RuntimeError("stack depth exceeded (more than \(Interpreter.maximumDepth) nested calls)")
            failure.isCatchable = false
            throw failure
        }
        if interruption.isRaised {
            depth &-= 1
            throw Interrupted()
        }
        let returnSlot = stack + stackTop
        returnSlot.initialize(to: .null)
        let slots = returnSlot + 1
        for index in uninitialized..<slotCount { (slots + index).initialize(to: .null) }
        stackTop = newTop
        return slots
    }

    @inline(__always)
    func leaveFrame(_ slots: UnsafeMutablePointer<Value>, slotCount: Int) {
        // One by one: `deinitialize(count:)` is a generic runtime call.
        for index in -1..<slotCount { _ = (slots + index).move() }
        stackTop &-= slotCount &+ 1
        depth &-= 1
    }

    func fillDefaults(_ prototype: FunctionPrototype, _ compiled: CompiledFunction, from first: Int, frame: Frame) throws {
        for index in first..<prototype.parameters.count {
            guard let defaultCode = compiled.defaults[index] else {
                throw RuntimeError("\(prototype.name)() is missing the argument '\(prototype.parameters[index].name)'")
            }
            frame.slots[index] = try defaultCode.run(frame)
        }
    }

    /// Fills in defaults, runs the body and takes the value `return` left.
    @inline(__always)
    func runBody(_ closure: Closure, argumentCount: Int, slots: UnsafeMutablePointer<Value>) throws -> Value {
        let frame = Frame(slots: slots, closure: closure)
        if argumentCount < closure.prototype.parameters.count {
            try fillDefaults(closure.prototype, closure.compiled, from: argumentCount, frame: frame)
        }
        return try runBody(closure.compiled, frame: frame)
    }

    @inline(__always)
    func runBody(_ compiled: CompiledFunction, frame: Frame) throws -> Value {
        if !compiled.capturedParameters.isEmpty {
            for index in compiled.capturedParameters {
                frame.slots[index] = .cell(Box(frame.slots[index]))
            }
        }
        _ = try compiled.body(frame)
        let result = frame.returnSlot.move()
        frame.returnSlot.initialize(to: .null)
        return result
    }

    func tooManyArguments(_ prototype: FunctionPrototype, given: Int) -> RuntimeError {
        let count = prototype.parameters.count
        return RuntimeError("\(prototype.name)() takes \(count) argument\(count == 1 ? "" : "s"), got \(given)")
    }

    /// A function's code, compiled when its first closure is made.
    func compiled(_ prototype: FunctionPrototype) -> CompiledFunction {
        prototype.compiled ?? compile(prototype)
    }

    func compile(_ prototype: FunctionPrototype) -> CompiledFunction {
        let compiler = Compiler(interpreter: self, source: prototype.source)
        let compiled = CompiledFunction(
            body: prototype.isChunk ? compiler.compileTopLevel(prototype.body) : compiler.compileBlock(prototype.body),
            defaults: prototype.defaults.map { $0.map { ExpressionCode(run: compiler.compile($0)) } },
            capturedParameters: prototype.parameters.filter(\.isCaptured).map(\.slot))
        prototype.compiled = compiled
        return compiled
    }
}
