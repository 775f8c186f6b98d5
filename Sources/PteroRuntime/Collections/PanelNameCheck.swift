import PteroLang

/// `ptero check`'s look at the panel names a script uses, without a panel:
/// a field of a `where` on a panel collection that its objects do not have
/// (`servers where nmae == "x"`), and a member or method a collection does
/// not have (`servers.suspnd()`), each with "did you mean". The language's
/// own check cannot know these: `where` reads a bare name as a field first.
public struct PanelNameCheck {
    let source: Source
    let globals: GlobalTable
    /// Every name the script declares anywhere (lets, functions, parameters,
    /// loop and catch names): a bare name in a `where` that is one of these
    /// may be a variable, not a misspelt field.
    private var declared: Set<String> = []
    /// A script that imports others may use names declared there.
    private var imports = false
    private(set) var diagnostics: [Diagnostic] = []

    /// The problems found in `source`, whose globals are `globals` (with the
    /// panel's names installed); none when it does not parse.
    public static func diagnostics(for source: Source, globals: GlobalTable) -> [Diagnostic] {
        guard let statements = try? Parser.parse(source) else { return [] }
        var check = PanelNameCheck(source: source, globals: globals)
        check.declare(statements)
        check.visit(statements)
        return check.diagnostics
    }

    /// Collections whose names the script has not taken for its own:
    /// `servers` and the others, and `client.servers`, `client.all_servers`.
    private func collection(_ expression: Expr) -> CollectionSource? {
        switch expression.kind {
        case .variable(let name):
            guard !declared.contains(name) else { return nil }
            return CollectionSource.application.first { $0.name == name }
        case .member(let object, let name, let optional):
            _ = optional
            guard case .variable("client") = object.kind, !declared.contains("client") else { return nil }
            return [CollectionSource.clientServers, CollectionSource.clientAllServers].first { $0.name == "client." + name }
        default:
            return nil
        }
    }

    /// The members of `client` or `account`, when `expression` is one the
    /// script has not taken for its own.
    private func clientGlobal(_ expression: Expr) -> (name: String, members: [String])? {
        guard case .variable(let name) = expression.kind, !declared.contains(name) else { return nil }
        switch name {
        case "client": return (name, ClientAPI.names)
        case "account": return (name, Account.names)
        default: return nil
        }
    }

    private mutating func report(_ message: String, _ range: SourceRange) {
        diagnostics.append(Diagnostic(.resolve, message, source: source, range: range))
    }

    private static func hint(_ name: String, _ candidates: [String]) -> String {
        closestName(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    // MARK: Declarations

    private mutating func declare(_ statements: [Stmt]) {
        for statement in statements { declare(statement) }
    }

    private mutating func declare(_ statement: Stmt) {
        switch statement.kind {
        case .declaration(let name, let value):
            declared.insert(name)
            declare(value)
        case .function(let function): declare(function)
        case .forLoop(let loop):
            declared.formUnion(loop.names)
            declare(loop.body)
        case .tryCatch(let body, let errorName, let handler):
            if let errorName { declared.insert(errorName) }
            declare(body)
            declare(handler)
        case .ifElse(let condition, let then, let otherwise):
            declare(condition)
            declare(then)
            declare(otherwise ?? [])
        case .whileLoop(let condition, let body):
            declare(condition)
            declare(body)
        case .expression(let expression): declare(expression)
        case .assignment(let target, let compound, let value):
            _ = (target, compound)
            declare(value)
        case .returnValue(let value): if let value { declare(value) }
        case .importFile(let name):
            _ = name
            imports = true
        case .breakLoop, .continueLoop: break
        }
    }

    private mutating func declare(_ function: FunctionDeclaration) {
        if let name = function.name { declared.insert(name) }
        declared.formUnion(function.parameters.map(\.name))
        declare(function.body)
    }

    /// Lambdas inside expressions declare their parameters.
    private mutating func declare(_ expression: Expr) {
        for child in Self.children(of: expression) { declare(child) }
        if case .lambda(let function) = expression.kind { declare(function) }
    }

    // MARK: Uses

    private mutating func visit(_ statements: [Stmt]) {
        for statement in statements { visit(statement) }
    }

    private mutating func visit(_ statement: Stmt) {
        switch statement.kind {
        case .expression(let expression): visit(expression)
        case .declaration(let name, let value):
            _ = name
            visit(value)
        case .assignment(let target, let compound, let value):
            _ = compound
            visit(target)
            visit(value)
        case .ifElse(let condition, let then, let otherwise):
            visit(condition)
            visit(then)
            visit(otherwise ?? [])
        case .whileLoop(let condition, let body):
            visit(condition)
            visit(body)
        case .forLoop(let loop):
            visit(loop.iterable)
            if let condition = loop.condition {
                if let source = collection(loop.iterable) { checkFields(condition, of: source, element: loop.names.last) }
                visit(condition)
            }
            visit(loop.body)
        case .returnValue(let value): if let value { visit(value) }
        case .function(let function): visit(function.body)
        case .tryCatch(let body, let errorName, let handler):
            _ = errorName
            visit(body)
            visit(handler)
        case .importFile(let name): _ = name
        case .breakLoop, .continueLoop: break
        }
    }

    private mutating func visit(_ expression: Expr) {
        switch expression.kind {
        case .query(let collection, let condition):
            if let source = self.collection(collection) { checkFields(condition, of: source, element: nil) }
        case .member(let object, let name, let optional):
            _ = optional
            checkMember(name, of: object, called: false, expression.range)
        case .call(let callee, let arguments):
            if case .member(let object, let name, let optional) = callee.kind {
                _ = optional
                checkMember(name, of: object, called: true, callee.range)
                visit(object)
                for argument in arguments { visit(argument.value) }
                return
            }
        case .lambda(let function):
            visit(function.body)
            return
        default: break
        }
        for child in Self.children(of: expression) { visit(child) }
    }

    /// `object.name`, when `object` is a panel collection or global.
    private mutating func checkMember(_ name: String, of object: Expr, called: Bool, _ range: SourceRange) {
        let owner: String, members: [String]
        if let source = collection(object) {
            (owner, members) = (source.name, PanelQuery.memberNames(of: source))
        } else if let global = clientGlobal(object) {
            (owner, members) = global
        } else {
            return
        }
        guard !members.contains(name) else { return }
        report("\(owner) has no \(called ? "method" : "member") '\(name)'" + Self.hint(name, members), range)
    }

    /// The bare names of a `where` on `source`: each must be a field of
    /// its objects, unless the script declares it (then it may be a variable).
    private mutating func checkFields(_ condition: Expr, of source: CollectionSource, element: String?) {
        guard let fields = ResourceFields.whereNames(for: source.object) else { return }
        for (name, range) in Self.bareNames(in: condition) {
            if fields.contains(name) || name == element || name == "it" || declared.contains(name) || globals[name] != nil || imports { continue }
            let kind = ResourceKind.forObject(source.object).typeName.lowercased()
            let article = "aeiou".contains(kind.first ?? "x") ? "an" : "a"
            report("\(article) \(kind) has no field '\(name)' (in a 'where' on \(source.name))" + Self.hint(name, fields), range)
        }
    }

    /// The bare names a condition reads, outside nested `where`s and lambdas
    /// (whose names belong to other elements and parameters).
    static func bareNames(in expression: Expr) -> [(String, SourceRange)] {
        switch expression.kind {
        case .variable(let name): return [(name, expression.range)]
        case .query(let collection, let condition):
            _ = condition
            return bareNames(in: collection)
        case .lambda(let function):
            _ = function
            return []
        default:
            return children(of: expression).flatMap { bareNames(in: $0) }
        }
    }

    /// The sub-expressions of `expression`, in order.
    static func children(of expression: Expr) -> [Expr] {
        switch expression.kind {
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
}
