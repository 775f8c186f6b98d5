/// Turns parsed statements into resolved ones: every local becomes a slot,
/// every captured local a cell, every global a cell reference. Reports
/// undeclared names, redeclarations, assignment to undeclared names, and
/// `break`/`continue`/`return` where they cannot be.
public struct Resolver {
    let globals: GlobalTable
    var source: Source
    var diagnostics: [Diagnostic] = []
    var context: FunctionContext
    /// Globals this chunk declares but has not reached yet: using one at
    /// the top level before its `let` is an error.
    var pending: Set<String> = []
    /// Globals created by this chunk, removed again if it fails to resolve.
    var created: [String] = []
    /// Loads `import "file"`: returns the source of the file to import.
    let importer: ((String, Source) throws -> Source)?
    var imported: Set<String>

    init(globals: GlobalTable, source: Source, imported: Set<String>,
         importer: ((String, Source) throws -> Source)?) {
        self.globals = globals
        self.source = source
        self.imported = imported
        self.importer = importer
        self.context = FunctionContext(enclosing: nil, kind: .topLevel)
    }

    /// Resolves a chunk of top-level statements into a function to run.
    mutating func resolveChunk(_ statements: [Stmt]) -> FunctionPrototype {
        let body = resolveTopLevel(statements)
        let prototype = FunctionPrototype(name: "<top level>", parameters: [], defaults: [], source: source,
                                          range: SourceRange(start: 0, end: 0), isChunk: true)
        prototype.body = body
        prototype.slotCount = context.slotCount
        return prototype
    }

    mutating func resolveTopLevel(_ statements: [Stmt]) -> [ResolvedStmt] {
        var declaredHere: [String: SourceRange] = [:]
        for statement in statements {
            let declared: String
            switch statement.kind {
            case .declaration(let name, let value): _ = value; declared = name
            case .function(let declaration): declared = declaration.name ?? ""
            default: continue
            }
            if declaredHere[declared] != nil {
                report("'\(declared)' is already declared in this scope", statement.range)
                continue
            }
            declaredHere[declared] = statement.range
            if let existing = globals[declared] {
                if existing.isConstant {
                    report("cannot redeclare '\(declared)': it is a builtin", statement.range)
                }
                continue
            }
            _ = globals.declare(declared)
            created.append(declared)
            pending.insert(declared)
        }
        return statements.map { resolve($0) }
    }

    mutating func report(_ message: String, _ range: SourceRange) {
        diagnostics.append(Diagnostic(.resolve, message, source: source, range: range))
    }

    // MARK: Names

    /// Declares a local in the innermost scope; reports a redeclaration.
    mutating func declareLocal(_ name: String, _ range: SourceRange) -> LocalBinding {
        if context.scopes[context.scopes.count - 1][name] != nil {
            report("'\(name)' is already declared in this scope", range)
        }
        let binding = LocalBinding(name: name, slot: context.slotCount)
        context.slotCount += 1
        context.scopes[context.scopes.count - 1][name] = binding
        return binding
    }

    mutating func lookup(_ name: String, _ range: SourceRange) -> VariableReference? {
        if let reference = context.lookup(name) {
            if case .local(let binding) = reference, context.pendingFunctions.contains(ObjectIdentifier(binding)) {
                report("'\(name)' is used before its declaration; call it after 'fn \(name)'", range)
            }
            return reference
        }
        guard let cell = globals[name] else { return nil }
        if pending.contains(name) && context.kind == .topLevel {
            report("'\(name)' is used before its declaration", range)
        }
        return .global(cell)
    }

    mutating func undeclared(_ name: String, _ range: SourceRange) {
        var message = "undeclared name '\(name)'"
        let candidates = context.visibleNames() + globals.names
        if let suggestion = closestName(to: name, among: candidates) { message += "; did you mean '\(suggestion)'?" }
        report(message, range)
    }

    // MARK: Functions

    mutating func resolveFunction(_ declaration: FunctionDeclaration, name: String) -> FunctionPrototype {
        let outer = context
        context = FunctionContext(enclosing: outer, kind: .function)
        var parameters: [LocalBinding] = []
        var defaults: [ResolvedExpr?] = []
        for parameter in declaration.parameters {
            defaults.append(parameter.defaultValue.map { resolve($0) })
            parameters.append(declareLocal(parameter.name, parameter.range))
        }
        let prototype = FunctionPrototype(name: name, parameters: parameters, defaults: defaults,
                                          source: source, range: declaration.range)
        prototype.body = resolveBlockContents(declaration.body)
        prototype.slotCount = context.slotCount
        prototype.captures = context.captures.map(\.reference)
        context = outer
        return prototype
    }

    /// A `where` condition becomes a function of `it`; `alias` (a `for`
    /// loop's variable) names the element too.
    mutating func resolvePredicate(_ condition: Expr, alias: String? = nil) -> (FunctionPrototype, ResolvedExpr) {
        let outer = context
        context = FunctionContext(enclosing: outer, kind: .predicate)
        let element = declareLocal("it", condition.range)
        if let alias, alias != "it" { context.scopes[context.scopes.count - 1][alias] = element }
        context.whereElements.append(element)
        let resolved = resolve(condition)
        let prototype = FunctionPrototype(name: "where", parameters: [element], defaults: [nil],
                                          source: source, range: condition.range)
        prototype.body = [ResolvedStmt(kind: .returnValue(resolved), range: condition.range)]
        prototype.slotCount = context.slotCount
        prototype.captures = context.captures.map(\.reference)
        context = outer
        return (prototype, resolved)
    }
}

/// The names visible while resolving one function body.
final class FunctionContext {
    enum Kind { case topLevel, function, predicate, parallelBody }
    let enclosing: FunctionContext?
    let kind: Kind
    var scopes: [[String: LocalBinding]] = [[:]]
    var slotCount = 0
    var captures: [(name: String, reference: VariableReference)] = []
    /// Loops around the current statement: true for a `parallel for`.
    var loops: [Bool] = []
    /// The elements bare names bind to inside `where` conditions.
    var whereElements: [LocalBinding] = []
    /// Block-local `fn`s declared (hoisted) but whose statement has not run:
    /// calling one from straight-line code before that would find nothing.
    var pendingFunctions: Set<ObjectIdentifier> = []

    init(enclosing: FunctionContext?, kind: Kind) {
        self.enclosing = enclosing
        self.kind = kind
    }

    func lookup(_ name: String) -> VariableReference? {
        for scope in scopes.reversed() {
            if let binding = scope[name] { return .local(binding) }
        }
        if let index = captures.firstIndex(where: { $0.name == name }) { return .capture(index) }
        guard let enclosing, let outer = enclosing.lookup(name) else { return nil }
        switch outer {
        case .global: return outer
        case .local(let binding): binding.isCaptured = true
        case .capture(let index): _ = index
        }
        captures.append((name, outer))
        return .capture(captures.count - 1)
    }

    func visibleNames() -> [String] {
        scopes.flatMap(\.keys) + captures.map(\.name) + (enclosing?.visibleNames() ?? [])
    }
}

/// The name within edit distance 2 of `name`, for "did you mean" hints.
public func closestName(to name: String, among candidates: [String]) -> String? {
    var best: (String, Int)?
    for candidate in Set(candidates) where candidate != name && !candidate.hasPrefix("<") {
        let distance = editDistance(name, candidate)
        if distance <= min(2, name.count / 3), best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
            best = (candidate, distance)
        }
    }
    return best?.0
}

/// Edits (insert, delete, replace, or swap two neighbours) from one name to
/// another: a swap counts one, since `nmae` for `name` is the commonest slip.
func editDistance(_ first: String, _ second: String) -> Int {
    let a = Array(first), b = Array(second)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var row = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                row[j] = min(row[j], beforePrevious[j - 2] + 1)
            }
        }
        beforePrevious = previous
        previous = row
    }
    return previous[b.count]
}
