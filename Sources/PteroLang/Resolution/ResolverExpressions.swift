/// Expressions: names become references; `where` conditions become functions.
extension Resolver {
    mutating func resolve(_ expression: Expr) -> ResolvedExpr {
        let range = expression.range
        func node(_ kind: ResolvedExpr.Kind) -> ResolvedExpr { ResolvedExpr(kind: kind, range: range) }
        switch expression.kind {
        case .literal(let literal):
            return node(.constant(literal.value))
        case .template(let segments):
            return node(.template(segments.map { segment in
                switch segment {
                case .text(let text): return .text(text)
                case .code(let code): return .code(resolve(code))
                }
            }))
        case .variable(let name):
            return resolveName(name, range)
        case .list(let items):
            return node(.list(items.map { resolve($0) }))
        case .map(let entries):
            return node(.map(entries.map { entry in
                let key: ResolvedExpr
                switch entry.key {
                case .fixed(let literal): key = ResolvedExpr(kind: .constant(literal.value), range: entry.value.range)
                case .computed(let computed): key = resolve(computed)
                }
                return (key, resolve(entry.value))
            }))
        case .unary(let op, let operand):
            return node(.unary(op, resolve(operand)))
        case .binary(let op, let left, let right):
            return node(.binary(op, resolve(left), resolve(right)))
        case .logical(let op, let left, let right):
            return node(.logical(op, resolve(left), resolve(right)))
        case .range(let low, let high, let inclusive):
            return node(.range(resolve(low), resolve(high), inclusive: inclusive))
        case .call(let callee, let arguments):
            let resolvedArguments = arguments.map { ResolvedArgument(label: $0.label, value: resolve($0.value)) }
            switch callee.kind {
            case .member(let object, let name, let optional):
                return node(.methodCall(resolve(object), name, resolvedArguments, optional: optional))
            case .variable(let name):
                // A called name is never an element field: `len(name)` in a where.
                guard let reference = lookup(name, callee.range) else {
                    undeclared(name, callee.range)
                    return node(.constant(.null))
                }
                return node(.call(ResolvedExpr(kind: .variable(reference), range: callee.range), resolvedArguments))
            default:
                return node(.call(resolve(callee), resolvedArguments))
            }
        case .member(let object, let name, let optional):
            return node(.member(resolve(object), name, optional: optional))
        case .index(let object, let index):
            return node(.index(resolve(object), resolve(index)))
        case .lambda(let declaration):
            return node(.lambda(resolveFunction(declaration, name: declaration.name ?? "fn")))
        case .query(let collection, let condition):
            let resolvedCollection = resolve(collection)
            let (predicate, resolvedCondition) = resolvePredicate(condition)
            return node(.query(resolvedCollection, predicate, condition: resolvedCondition))
        }
    }

    /// A name; inside a `where` condition a bare name is first a field of the element.
    mutating func resolveName(_ name: String, _ range: SourceRange) -> ResolvedExpr {
        let reference = lookup(name, range)
        if let element = context.whereElements.last, name != element.name {
            let elementReference = context.lookup(element.name) ?? .local(element)
            // `it` is the element in every `where`, a `for` loop's too.
            if name == "it" { return ResolvedExpr(kind: .variable(elementReference), range: range) }
            // A loop's variable, named in its condition as a function of `it`.
            if case .local(let binding)? = reference, binding === element {
                return ResolvedExpr(kind: .variable(elementReference), range: range)
            }
            return ResolvedExpr(kind: .field(name, element: elementReference, fallback: reference), range: range)
        }
        guard let reference else {
            undeclared(name, range)
            return ResolvedExpr(kind: .constant(.null), range: range)
        }
        return ResolvedExpr(kind: .variable(reference), range: range)
    }
}

extension Literal {
    var value: Value {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        }
    }
}
