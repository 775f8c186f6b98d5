/// The parts of a syntax tree node, for tools that walk a script without
/// running it (`ptero check`'s panel names, the up-front confirmation scan):
/// one place that knows every node's shape, so a walker handles only the
/// nodes it cares about and a new node kind is added here once.
///
/// Every payload is bound by name, never `_`: swiftlang/swift#91283 reads
/// freed memory for wildcard payload bindings on indirect enums at -Onone.
/// The `_ =` lines below use the names that a part does not need.
extension Expr {
    /// The sub-expressions, in source order. A lambda's body is statements,
    /// not among them: see `lambda`.
    public var children: [Expr] {
        switch kind {
        case .literal(let literal):
            _ = literal
            return []
        case .variable(let name):
            _ = name
            return []
        case .template(let segments):
            return segments.compactMap { segment in if case .code(let code) = segment { code } else { nil } }
        case .list(let items): return items
        case .map(let entries):
            return entries.flatMap { entry -> [Expr] in
                if case .computed(let key) = entry.key { return [key, entry.value] }
                return [entry.value]
            }
        case .unary(let operation, let operand):
            _ = operation
            return [operand]
        case .binary(let operation, let left, let right):
            _ = operation
            return [left, right]
        case .logical(let operation, let left, let right):
            _ = operation
            return [left, right]
        case .range(let low, let high, let inclusive):
            _ = inclusive
            return [low, high]
        case .call(let callee, let arguments): return [callee] + arguments.map(\.value)
        case .member(let object, let name, let optional):
            _ = (name, optional)
            return [object]
        case .index(let object, let index): return [object, index]
        case .lambda(let function):
            _ = function
            return []
        case .query(let collection, let condition): return [collection, condition]
        }
    }

    /// `object.name` (or `object?.name`): the object and the name.
    public var memberAccess: (object: Expr, name: String)? {
        guard case .member(let object, let name, let optional) = kind else { return nil }
        _ = optional
        return (object, name)
    }

    /// `receiver.name(arguments)`: a method call.
    public var methodCall: (receiver: Expr, name: String, arguments: [CallArgument])? {
        guard case .call(let callee, let arguments) = kind, let member = callee.memberAccess else { return nil }
        return (member.object, member.name, arguments)
    }

    /// `collection where condition`.
    public var query: (collection: Expr, condition: Expr)? {
        guard case .query(let collection, let condition) = kind else { return nil }
        return (collection, condition)
    }

    /// The function of a lambda (`fn(x) => ...`).
    public var lambda: FunctionDeclaration? {
        guard case .lambda(let function) = kind else { return nil }
        return function
    }

    /// The name a bare variable reads.
    public var variableName: String? {
        guard case .variable(let name) = kind else { return nil }
        return name
    }
}

extension Stmt {
    /// The expressions the statement itself evaluates, in order (an
    /// assignment's target first; a loop's iterable, then its `where`).
    public var expressions: [Expr] {
        switch kind {
        case .expression(let expression): return [expression]
        case .declaration(let name, let value):
            _ = name
            return [value]
        case .assignment(let target, let compound, let value):
            _ = compound
            return [target, value]
        case .ifElse(let condition, let then, let otherwise):
            _ = (then, otherwise)
            return [condition]
        case .whileLoop(let condition, let body):
            _ = body
            return [condition]
        case .forLoop(let loop): return [loop.iterable] + (loop.condition.map { [$0] } ?? [])
        case .returnValue(let value): return value.map { [$0] } ?? []
        case .function(let function):
            _ = function
            return []
        case .tryCatch(let body, let errorName, let handler):
            _ = (body, errorName, handler)
            return []
        case .importFile(let name):
            _ = name
            return []
        case .breakLoop, .continueLoop: return []
        }
    }

    /// The blocks nested in the statement, in order (a function's body too).
    public var blocks: [[Stmt]] {
        switch kind {
        case .ifElse(let condition, let then, let otherwise):
            _ = condition
            return [then] + (otherwise.map { [$0] } ?? [])
        case .whileLoop(let condition, let body):
            _ = condition
            return [body]
        case .forLoop(let loop): return [loop.body]
        case .function(let function): return [function.body]
        case .tryCatch(let body, let errorName, let handler):
            _ = errorName
            return [body, handler]
        case .expression(let expression):
            _ = expression
            return []
        case .declaration(let name, let value):
            _ = (name, value)
            return []
        case .assignment(let target, let compound, let value):
            _ = (target, compound, value)
            return []
        case .returnValue(let value):
            _ = value
            return []
        case .importFile(let name):
            _ = name
            return []
        case .breakLoop, .continueLoop:
            return []
        }
    }
}
