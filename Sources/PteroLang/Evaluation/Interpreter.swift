import Synchronization

/// Runs ptero code: holds the globals, the value stack and the output, and
/// is what builtins and host values are handed to call back into the language.
/// Compiled code refers to its interpreter `unowned(unsafe)`: the globals
/// hold the functions, so a strong reference back would keep every
/// interpreter alive forever; a function only runs while its interpreter does.
public final class Interpreter {
    public let globals = GlobalTable()
    /// Where `print` writes; the command buffers stdout, tests collect lines.
    public var output: (String) -> Void
    /// `print` writes each call as one line of JSON instead of text, so
    /// another program can read a script's output (`ptero --format json`).
    public var printsJSON = false
    /// Files `import` has run, by name, so each runs once.
    var imported: Set<String> = []
    /// Finds the file `import "name"` means, relative to the importing file.
    public var importer: ((String, Source) throws -> Source)?
    /// Raised from another thread or a signal handler (Ctrl-C); checked at
    /// every loop turn and call.
    public let interruption: InterruptFlag

    /// Deepest call nesting before "stack depth exceeded". The interpreter
    /// runs on a thread whose stack holds this many calls with room to spare.
    public static let maximumDepth = 10_000
    static let stackCapacity = 1 << 20

    let stack: UnsafeMutablePointer<Value>
    // `@exclusivity(unchecked)` here and on the other stored properties every
    // call, loop turn or value access touches (Box, ListObject, MapObject,
    // GlobalCell, FunctionPrototype, PositionCache): the interpreter's state
    // belongs to the one thread that holds the interpreter (a `parallel for`
    // hands it over under its lock), so the runtime's dynamic checks catch
    // nothing, and they cost 29% of fib(27)'s instructions and 21% of the
    // filter benchmark's (callgrind, release; scripts/bench/lang-programs).
    @exclusivity(unchecked) var stackTop = 0
    /// Where this thread's part of the stack ends (see `ParallelRun`).
    @exclusivity(unchecked) var stackLimit = Interpreter.stackCapacity
    @exclusivity(unchecked) var depth = 0
    /// Bodies a `parallel for` runs at once when it names no number; the
    /// host sets it to what its executor can keep busy.
    public var defaultParallelism = 8
    /// Advances before each top-level statement (of a script or a REPL
    /// entry), so hosts can cache what they fetch for one statement: a
    /// loop's thousand `s.node_ref` become three requests, and the next
    /// statement sees fresh data.
    @exclusivity(unchecked) public internal(set) var statementEpoch = 0
    /// Tells interpreters apart for the life of the process, with the
    /// epoch: an `ObjectIdentifier` is reused once an interpreter is freed,
    /// so a host's cache keyed by it served a new interpreter's statement 2
    /// what an old one read in its statement 2.
    public let serial = Interpreter.serials.add(1, ordering: .relaxed).newValue
    private static let serials = Atomic<Int>(0)
    /// Methods a host adds to lists (a list of panel objects runs their
    /// action as a bulk job); nil from it means no such method.
    public var listMethodExtension: ((String, ListObject, inout Arguments, Interpreter) throws -> Value?)?
    var regexCache: [String: BoundedRegex] = [:]
    /// Lines the host adds to bare `help` (the panel's collections).
    public var hostHelp: String?
    /// How large values may grow and how long a regular expression may
    /// search (see `ValueLimits`); the host may lower or raise them.
    @exclusivity(unchecked) public var limits = ValueLimits()
    /// Records and replays what the world outside answers the builtins
    /// (`now()`, `env()`, ...); the host sets it when a journal is kept.
    public weak var recorder: InteractionRecorder?
    /// The script's own numbered interactions (see `InteractionPosition`).
    let mainSequence = InteractionSequence(prefix: [])

    public init(output: @escaping (String) -> Void = { print($0, terminator: "") },
                interruption: InterruptFlag = InterruptFlag()) {
        self.output = output
        self.interruption = interruption
        stack = UnsafeMutablePointer<Value>.allocate(capacity: Interpreter.stackCapacity)
        Builtins.install(in: self)
    }

    deinit {
        stack.deallocate()
    }

    /// Parses and resolves without running: every diagnostic of the source.
    public func check(_ source: Source) -> [Diagnostic] {
        let statements: [Stmt]
        do {
            statements = try Parser.parse(source)
        } catch {
            return error.all
        }
        var resolver = Resolver(globals: globals, source: source, imported: imported, importer: importer)
        _ = resolver.resolveChunk(statements)
        for name in resolver.created { globals.remove(name) }
        return resolver.diagnostics.sortedByPlace()
    }

    /// Parses, resolves and runs a chunk. With `echo`, returns the value of a
    /// final expression statement (what the REPL prints).
    @discardableResult
    public func run(_ source: Source, echo: Bool = false) throws -> Value {
        let statements: [Stmt]
        do {
            statements = try Parser.parse(source)
        } catch {
            throw error
        }
        var resolver = Resolver(globals: globals, source: source, imported: imported, importer: importer)
        let chunk = resolver.resolveChunk(statements)
        if !resolver.diagnostics.isEmpty {
            for name in resolver.created { globals.remove(name) }
            throw Diagnostics(resolver.diagnostics.sortedByPlace())
        }
        imported = resolver.imported
        if echo, let last = chunk.body.last, case .expression(let expression) = last.kind {
            chunk.body[chunk.body.count - 1] = ResolvedStmt(kind: .returnValue(expression), range: last.range)
        }
        interruption.clear()
        return try call(.closure(Closure(prototype: chunk, captures: [], compiled: compiled(chunk))), [])
    }

    /// Calls a ptero or native function from Swift (a builtin's callback).
    public func call(_ function: Value, _ positional: [Value], named: [(label: String, value: Value)] = []) throws -> Value {
        var arguments = Arguments(positional, named: named)
        return try call(function, arguments: &arguments)
    }

    public func call(_ function: Value, arguments: inout Arguments) throws -> Value {
        switch function {
        case .closure(let closure):
            return try callClosure(closure, arguments: arguments)
        case .native(let native):
            arguments.callee = native.name
            return try native.body(&arguments, self)
        case .host(let host):
            if let result = try host.call(arguments: &arguments, interpreter: self) { return result }
            throw RuntimeError("\(host.describedType) cannot be called")
        default:
            throw RuntimeError("\(function.describedType) cannot be called")
        }
    }

    @inline(__always)
    func checkInterrupt() throws {
        if interruption.isRaised { throw Interrupted() }
    }
}

/// A flag that stops a running evaluation at its next loop turn or call.
/// Lock-free, so a signal handler may raise it.
public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    public init() {}
    public func raise() { raised.store(true, ordering: .relaxed) }
    public func clear() { raised.store(false, ordering: .relaxed) }
    public var isRaised: Bool { raised.load(ordering: .relaxed) }
}
