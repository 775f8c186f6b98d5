/// Statements: declarations, assignments, control flow.
extension Resolver {
    /// A `{...}` body: a new scope whose `fn`s are visible throughout it.
    mutating func resolveBlock(_ statements: [Stmt]) -> [ResolvedStmt] {
        context.scopes.append([:])
        defer { context.scopes.removeLast() }
        return resolveBlockContents(statements)
    }

    mutating func resolveBlockContents(_ statements: [Stmt]) -> [ResolvedStmt] {
        for statement in statements {
            if case .function(let declaration) = statement.kind, let name = declaration.name {
                context.pendingFunctions.insert(ObjectIdentifier(declareLocal(name, statement.range)))
            }
        }
        return statements.map { resolve($0) }
    }

    var atGlobalScope: Bool { context.kind == .topLevel && context.scopes.count == 1 }

    mutating func resolve(_ statement: Stmt) -> ResolvedStmt {
        let range = statement.range
        switch statement.kind {
        case .expression(let expression):
            return ResolvedStmt(kind: .expression(resolve(expression)), range: range)

        case .declaration(let name, let value):
            let resolvedValue = resolve(value)
            return ResolvedStmt(kind: .define(declare(name, range), resolvedValue), range: range)

        case .function(let declaration):
            let name = declaration.name ?? "fn"
            let target: VariableReference
            if atGlobalScope {
                target = globalTarget(name, range)
            } else {
                let binding = context.scopes[context.scopes.count - 1][name]
                if let binding { context.pendingFunctions.remove(ObjectIdentifier(binding)) }
                target = binding.map { .local($0) } ?? declare(name, range)
            }
            let prototype = resolveFunction(declaration, name: name)
            return ResolvedStmt(kind: .defineFunction(target, prototype), range: range)

        case .assignment(let target, let compound, let value):
            let resolvedValue = resolve(value)
            return ResolvedStmt(kind: .assign(resolveTarget(target), compound: compound, resolvedValue), range: range)

        case .ifElse(let condition, let then, let otherwise):
            return ResolvedStmt(kind: .ifElse(resolve(condition), then: resolveBlock(then),
                                              otherwise: otherwise.map { resolveBlock($0) } ?? []), range: range)

        case .whileLoop(let condition, let body):
            let resolvedCondition = resolve(condition)
            context.loops.append(false)
            defer { context.loops.removeLast() }
            return ResolvedStmt(kind: .whileLoop(resolvedCondition, body: resolveBlock(body)), range: range)

        case .forLoop(let loop):
            return ResolvedStmt(kind: .forLoop(resolveForLoop(loop)), range: range)

        case .breakLoop, .continueLoop:
            let word: String
            if case .breakLoop = statement.kind { word = "break" } else { word = "continue" }
            if context.loops.isEmpty {
                report("'\(word)' outside a loop", range)
            } else if word == "break" && context.loops.last == true {
                report("'break' cannot stop a 'parallel for'; its bodies run at once", range)
            }
            return ResolvedStmt(kind: word == "break" ? .breakLoop : .continueLoop, range: range)

        case .returnValue(let value):
            if context.kind == .parallelBody || context.loops.contains(true) {
                report("'return' cannot leave a 'parallel for'", range)
            } else if context.kind != .function {
                report("'return' outside a function", range)
            }
            return ResolvedStmt(kind: .returnValue(value.map { resolve($0) }), range: range)

        case .tryCatch(let body, let errorName, let handler):
            let resolvedBody = resolveBlock(body)
            context.scopes.append([:])
            defer { context.scopes.removeLast() }
            let binding = errorName.map { VariableReference.local(declareLocal($0, range)) }
            let resolvedHandler = resolveBlockContents(handler)
            return ResolvedStmt(kind: .tryCatch(body: resolvedBody, errorBinding: binding, handler: resolvedHandler),
                                range: range)

        case .importFile(let path):
            return resolveImport(path, range)
        }
    }

    /// `let name`: a global at the top level, else a local of this block.
    mutating func declare(_ name: String, _ range: SourceRange) -> VariableReference {
        if atGlobalScope { return globalTarget(name, range) }
        return .local(declareLocal(name, range))
    }

    mutating func globalTarget(_ name: String, _ range: SourceRange) -> VariableReference {
        pending.remove(name)
        return .global(globals.declare(name))
    }

    mutating func resolveTarget(_ target: Expr) -> ResolvedTarget {
        switch target.kind {
        case .variable(let name):
            guard let reference = lookup(name, target.range) else {
                report("cannot assign to undeclared name '\(name)'; declare it with 'let \(name) = ...'", target.range)
                return .variable(.global(GlobalCell(name: name, value: .null, isInitialized: true, isConstant: false)))
            }
            if case .global(let cell) = reference, cell.isConstant {
                report("cannot assign to '\(name)': it is a builtin", target.range)
            }
            return .variable(reference)
        case .index(let object, let index):
            return .index(resolve(object), resolve(index))
        case .member(let object, let name, let optional):
            _ = optional
            return .member(resolve(object), name)
        default:
            report("cannot assign to this expression", target.range)
            return .variable(.global(GlobalCell(name: "", value: .null, isInitialized: true, isConstant: false)))
        }
    }

    mutating func resolveForLoop(_ loop: ForLoop) -> ResolvedForLoop {
        let iterable = resolve(loop.iterable)
        let parallel: ResolvedExpr?? = loop.parallel.map { limit in limit.limit.map { resolve($0) } }
        if parallel != nil { return resolveParallelLoop(loop, iterable: iterable, parallel: parallel) }
        context.scopes.append([:])
        defer { context.scopes.removeLast() }
        let variables = loop.names.map { VariableReference.local(declareLocal($0, loop.range)) }
        var condition: ResolvedExpr?
        var predicate: (function: FunctionPrototype, condition: ResolvedExpr)?
        if let whereCondition = loop.condition {
            if case .local(let element) = variables[variables.count - 1] { context.whereElements.append(element) }
            condition = resolve(whereCondition)
            context.whereElements.removeLast()
            if loop.names.count == 1 { predicate = resolveLoopPredicate(whereCondition, element: loop.names[0]) }
        }
        context.loops.append(loop.parallel != nil)
        defer { context.loops.removeLast() }
        let body = resolveBlock(loop.body)
        return ResolvedForLoop(variables: variables, iterable: iterable, condition: condition, body: body,
                               parallel: parallel, predicate: predicate)
    }

    /// A loop's `where` once more, as a function of `it` with the loop
    /// variable naming the element too: what a panel query is handed.
    /// Resolving it again reports nothing new, so its diagnostics are dropped.
    mutating func resolveLoopPredicate(_ condition: Expr, element: String) -> (function: FunctionPrototype, condition: ResolvedExpr) {
        let reported = diagnostics.count
        let (function, resolved) = resolvePredicate(condition, alias: element)
        diagnostics.removeSubrange(reported...)
        return (function, resolved)
    }

    /// The body of a `parallel for` becomes a function of the loop
    /// variables (see `ResolvedForLoop.parallelBody`).
    mutating func resolveParallelLoop(_ loop: ForLoop, iterable: ResolvedExpr, parallel: ResolvedExpr??) -> ResolvedForLoop {
        let outer = context
        context = FunctionContext(enclosing: outer, kind: .parallelBody)
        context.loops = [true]
        let parameters = loop.names.map { declareLocal($0, loop.range) }
        let variables = parameters.map { VariableReference.local($0) }
        var condition: ResolvedExpr?
        var predicate: (function: FunctionPrototype, condition: ResolvedExpr)?
        if let whereCondition = loop.condition {
            context.whereElements.append(parameters[parameters.count - 1])
            condition = resolve(whereCondition)
            context.whereElements.removeLast()
            if loop.names.count == 1 {
                // Made outside the body's function: it runs before any turn.
                let body = context
                context = outer
                predicate = resolveLoopPredicate(whereCondition, element: loop.names[0])
                context = body
            }
        }
        let body = resolveBlock(loop.body)
        let prototype = FunctionPrototype(name: "parallel for", parameters: parameters,
                                          defaults: parameters.map { _ in nil }, source: source, range: loop.range)
        prototype.body = (condition.map { [ResolvedStmt(kind: .whereFilter($0), range: $0.range)] } ?? []) + body
        prototype.slotCount = context.slotCount
        prototype.captures = context.captures.map(\.reference)
        context = outer
        return ResolvedForLoop(variables: variables, iterable: iterable, condition: condition, body: body,
                               parallel: parallel, parallelBody: prototype, predicate: predicate)
    }

    mutating func resolveImport(_ path: String, _ range: SourceRange) -> ResolvedStmt {
        let empty = ResolvedStmt(kind: .expression(ResolvedExpr(kind: .constant(.null), range: range)), range: range)
        guard atGlobalScope else {
            report("'import' must be at the top level of a file", range)
            return empty
        }
        guard let importer else {
            report("'import' is not available here", range)
            return empty
        }
        let file: Source
        do {
            file = try importer(path, source)
        } catch {
            // The name as a string literal: an escape sequence in it must not reach the terminal.
            let reason = (error as? RuntimeError)?.message ?? "\(error)"
            report("cannot import \(Value.quote(path)): \(reason)", range)
            return empty
        }
        if imported.contains(file.name) { return empty }
        imported.insert(file.name)
        let statements: [Stmt]
        do {
            statements = try Parser.parse(file)
        } catch {
            diagnostics.append(contentsOf: error.all)
            return empty
        }
        let outerSource = source
        let outerPending = pending
        source = file
        let body = resolveTopLevel(statements)
        source = outerSource
        pending = outerPending
        return ResolvedStmt(kind: .importFile(body, file), range: range)
    }
}
