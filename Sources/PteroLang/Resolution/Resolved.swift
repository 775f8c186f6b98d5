/// The resolver's output: every name is a slot, a capture index or a global
/// cell, so nothing is looked up by name while running.
public struct ResolvedExpr {
    public let kind: Kind
    public let range: SourceRange

    public indirect enum Kind {
        case constant(Value)
        case template([ResolvedTemplatePart])
        case variable(VariableReference)
        /// A bare name inside `where`: the element's field, else `fallback`.
        case field(String, element: VariableReference, fallback: VariableReference?)
        case list([ResolvedExpr])
        case map([(key: ResolvedExpr, value: ResolvedExpr)])
        case unary(UnaryOperator, ResolvedExpr)
        case binary(BinaryOperator, ResolvedExpr, ResolvedExpr)
        case logical(LogicalOperator, ResolvedExpr, ResolvedExpr)
        case range(ResolvedExpr, ResolvedExpr, inclusive: Bool)
        case call(ResolvedExpr, [ResolvedArgument])
        case methodCall(ResolvedExpr, String, [ResolvedArgument], optional: Bool)
        case member(ResolvedExpr, String, optional: Bool)
        case index(ResolvedExpr, ResolvedExpr)
        case lambda(FunctionPrototype)
        /// `collection where condition`; the condition is a one-parameter function.
        case query(ResolvedExpr, FunctionPrototype, condition: ResolvedExpr)
    }
}

public enum ResolvedTemplatePart {
    case text(String)
    case code(ResolvedExpr)
}

public struct ResolvedArgument {
    public let label: String?
    public let value: ResolvedExpr
}

/// Where a name lives.
public enum VariableReference {
    /// A slot of the current frame; `binding.isCaptured` says if it holds a cell.
    case local(LocalBinding)
    /// A cell captured by the running closure.
    case capture(Int)
    case global(GlobalCell)
}

/// One local variable of a function. `isCaptured` is final once the
/// function is resolved; the evaluator then picks direct or cell access.
public final class LocalBinding {
    public let name: String
    public let slot: Int
    public internal(set) var isCaptured = false
    init(name: String, slot: Int) {
        self.name = name
        self.slot = slot
    }
}

/// A global: a builtin, a host value, or a top-level `let`/`fn`.
public final class GlobalCell {
    public let name: String
    /// Unchecked exclusivity: see `Interpreter.stackTop`.
    @exclusivity(unchecked) public var value: Value
    /// False between the start of a script and the global's `let`.
    @exclusivity(unchecked) public var isInitialized: Bool
    /// Builtins and host values cannot be assigned or redeclared.
    public let isConstant: Bool
    init(name: String, value: Value, isInitialized: Bool, isConstant: Bool) {
        self.name = name
        self.value = value
        self.isInitialized = isInitialized
        self.isConstant = isConstant
    }
}

/// A resolved function: the evaluator compiles it once, on first call.
public final class FunctionPrototype {
    public let name: String
    public let parameters: [LocalBinding]
    public let defaults: [ResolvedExpr?]
    public internal(set) var body: [ResolvedStmt] = []
    /// Slots the frame needs: parameters first, then every local.
    @exclusivity(unchecked) public internal(set) var slotCount = 0
    /// For each capture, where the creating frame finds it.
    public internal(set) var captures: [VariableReference] = []
    public let source: Source
    public let range: SourceRange
    /// Unchecked exclusivity (as `slotCount`): see `Interpreter.stackTop`.
    @exclusivity(unchecked) var compiled: CompiledFunction?
    /// The top level of a script or REPL entry, whose statements advance
    /// `Interpreter.statementEpoch`.
    let isChunk: Bool

    init(name: String, parameters: [LocalBinding], defaults: [ResolvedExpr?], source: Source, range: SourceRange,
         isChunk: Bool = false) {
        self.isChunk = isChunk
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.source = source
        self.range = range
    }
}

public struct ResolvedStmt {
    public let kind: Kind
    public let range: SourceRange

    public indirect enum Kind {
        case expression(ResolvedExpr)
        case define(VariableReference, ResolvedExpr)
        /// `fn name() {}`: hoisted, so a captured one gets its cell at block entry.
        case defineFunction(VariableReference, FunctionPrototype)
        case assign(ResolvedTarget, compound: BinaryOperator?, ResolvedExpr)
        case ifElse(ResolvedExpr, then: [ResolvedStmt], otherwise: [ResolvedStmt])
        case whileLoop(ResolvedExpr, body: [ResolvedStmt])
        case forLoop(ResolvedForLoop)
        case breakLoop
        case continueLoop
        /// The `where` of a `parallel for`, first in its body: a false
        /// condition ends this turn like `continue`.
        case whereFilter(ResolvedExpr)
        case returnValue(ResolvedExpr?)
        case tryCatch(body: [ResolvedStmt], errorBinding: VariableReference?, handler: [ResolvedStmt])
        /// An imported file's statements, run once in the global scope.
        case importFile([ResolvedStmt], Source)
    }
}

public enum ResolvedTarget {
    case variable(VariableReference)
    case index(ResolvedExpr, ResolvedExpr)
    case member(ResolvedExpr, String)
}

public final class ResolvedForLoop {
    public let variables: [VariableReference]
    public let iterable: ResolvedExpr
    public let condition: ResolvedExpr?
    public let body: [ResolvedStmt]
    public let parallel: ResolvedExpr??
    /// For `parallel for`: the condition and body as a function of the loop
    /// variables, so each turn has its own frame and the outer locals it
    /// uses become shared cells, as for a closure.
    public let parallelBody: FunctionPrototype?
    /// The `where` of a one-variable loop as a function of `it`, as
    /// `(Q where C)` makes it, so a panel query given it filters as it
    /// would there (`filter[...]` sent to the panel, pages fetched lazily).
    public let predicate: (function: FunctionPrototype, condition: ResolvedExpr)?
    init(variables: [VariableReference], iterable: ResolvedExpr, condition: ResolvedExpr?,
         body: [ResolvedStmt], parallel: ResolvedExpr??, parallelBody: FunctionPrototype? = nil,
         predicate: (function: FunctionPrototype, condition: ResolvedExpr)? = nil) {
        self.variables = variables
        self.iterable = iterable
        self.condition = condition
        self.body = body
        self.parallel = parallel
        self.parallelBody = parallelBody
        self.predicate = predicate
    }
}
