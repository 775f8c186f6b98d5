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
        if let name = expression.variableName {
            guard !declared.contains(name) else { return nil }
            return CollectionSource.application.first { $0.name == name }
        }
        guard let member = expression.memberAccess, member.object.variableName == "client", !declared.contains("client") else { return nil }
        return [CollectionSource.clientServers(in: .pterodactyl1), CollectionSource.clientAllServers(in: .pterodactyl1)].compactMap { $0 }
            .first { $0.name == "client." + member.name }
    }

    /// The members of `client` or `account`, when `expression` is one the
    /// script has not taken for its own.
    private func clientGlobal(_ expression: Expr) -> (name: String, members: [String])? {
        guard let name = expression.variableName, !declared.contains(name) else { return nil }
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
            _ = value
            declared.insert(name)
        case .function(let function):
            if let name = function.name { declared.insert(name) }
            declared.formUnion(function.parameters.map(\.name))
        case .forLoop(let loop): declared.formUnion(loop.names)
        case .tryCatch(let body, let errorName, let handler):
            _ = (body, handler)
            if let errorName { declared.insert(errorName) }
        case .importFile(let name):
            _ = name
            imports = true
        default: break
        }
        for expression in statement.expressions { declare(expression) }
        for block in statement.blocks { declare(block) }
    }

    private mutating func declare(_ function: FunctionDeclaration) {
        if let name = function.name { declared.insert(name) }
        declared.formUnion(function.parameters.map(\.name))
        declare(function.body)
    }

    /// Lambdas inside expressions declare their parameters.
    private mutating func declare(_ expression: Expr) {
        for child in expression.children { declare(child) }
        if let function = expression.lambda { declare(function) }
    }

    // MARK: Uses

    private mutating func visit(_ statements: [Stmt]) {
        for statement in statements { visit(statement) }
    }

    /// Every expression and block; a `for ... where` on a collection has
    /// its condition's names checked as the element's fields.
    private mutating func visit(_ statement: Stmt) {
        if case .forLoop(let loop) = statement.kind {
            visit(loop.iterable)
            if let condition = loop.condition {
                if let source = collection(loop.iterable) { checkFields(condition, of: source, element: loop.names.last) }
                visit(condition)
            }
            visit(loop.body)
            return
        }
        for expression in statement.expressions { visit(expression) }
        for block in statement.blocks { visit(block) }
    }

    private mutating func visit(_ expression: Expr) {
        if let query = expression.query, let source = collection(query.collection) {
            checkFields(query.condition, of: source, element: nil)
        }
        if case .call(let callee, let arguments) = expression.kind, let member = callee.memberAccess {
            checkMember(member.name, of: member.object, called: true, callee.range)
            visit(member.object)
            for argument in arguments { visit(argument.value) }
            return
        }
        if let member = expression.memberAccess { checkMember(member.name, of: member.object, called: false, expression.range) }
        if let function = expression.lambda {
            visit(function.body)
            return
        }
        for child in expression.children { visit(child) }
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
            report("\(Article.with(kind)) has no field '\(name)' (in a 'where' on \(source.name))" + Self.hint(name, fields), range)
        }
    }

    /// The bare names a condition reads, outside nested `where`s and lambdas
    /// (whose names belong to other elements and parameters).
    static func bareNames(in expression: Expr) -> [(String, SourceRange)] {
        if let name = expression.variableName { return [(name, expression.range)] }
        if let query = expression.query { return bareNames(in: query.collection) }
        return expression.children.flatMap { bareNames(in: $0) }
    }
}
