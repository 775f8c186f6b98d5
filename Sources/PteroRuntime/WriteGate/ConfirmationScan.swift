import PteroLang

/// Finds, before a script runs, the calls that will stop to ask for
/// confirmation, so a script without a terminal and without `--yes` is
/// refused before its first write instead of half-way through.
///
/// It reads the script's syntax, not its values, so it errs towards
/// asking: a destructive method (`delete`, `reinstall`, ...) on anything
/// certainly asks; any action on what looks like a collection (`servers`,
/// a `where` query, `.list`, `.take(n)`, a sub-collection such as
/// `s.backups`, or a name bound to one) may, once it holds more than
/// `BulkJob.confirmationThreshold` items. Imported files are not read.
public enum ConfirmationScan {
    /// A call that would ask, with its place.
    public struct Place: Sendable, Equatable {
        public let location: SourceLocation
        /// The call as written, made visible and cut short.
        public let call: String
        /// Why it asks.
        public let reason: String
        /// A destructive call asks whenever it runs; a bulk job only when
        /// it holds more than the threshold, which only the run can tell.
        public let isCertain: Bool
    }

    public static func places(in statements: [Stmt], source: Source) -> [Place] {
        var walker = Walker(source: source)
        walker.walk(statements)
        return walker.places
    }

    /// Action names that always ask, whatever they are called on.
    static let destructiveNames: Set<String> = Set(ResourceAction.table.values.flatMap { $0 }.filter(\.isDestructive).map(\.name))
    /// Action names that become a bulk job on a collection.
    static let actionNames: Set<String> = Set(ResourceAction.table.values.flatMap { $0 }.map(\.name))
    /// Names whose value is a collection wherever they appear.
    static let collectionGlobals: Set<String> = Set(CollectionSource.application.map(\.name))
    /// Members that are collections (`node.allocations`, `s.backups`, `client.servers`).
    static let collectionMembers: Set<String> = Set(SubCollections.table.values.flatMap(\.keys)).union(["servers", "all_servers", "api_keys", "ssh_keys"])
    /// Methods and properties of a collection that give a collection again.
    static let collectionPreserving: Set<String> = ["list", "take", "skip", "filter", "sort", "reverse", "unique"]

    struct Walker {
        let source: Source
        var places: [Place] = []
        /// Names bound to a collection by `let` (`let old = servers where ...`).
        var collectionNames: Set<String> = []

        mutating func walk(_ statements: [Stmt]) {
            for statement in statements { walk(statement) }
        }

        mutating func walk(_ statement: Stmt) {
            switch statement.kind {
            case .expression(let expression): walk(expression)
            case .declaration(name: let name, value: let value):
                walk(value)
                if isCollection(value) { collectionNames.insert(name) } else { collectionNames.remove(name) }
            case .assignment(target: let target, compound: let compound, value: let value):
                _ = compound
                walk(target)
                walk(value)
                if case .variable(let name) = target.kind, isCollection(value) { collectionNames.insert(name) }
            case .ifElse(condition: let condition, then: let then, otherwise: let otherwise):
                walk(condition)
                walk(then)
                if let otherwise { walk(otherwise) }
            case .whileLoop(condition: let condition, body: let body):
                walk(condition)
                walk(body)
            case .forLoop(let loop):
                walk(loop.iterable)
                if let condition = loop.condition { walk(condition) }
                for name in loop.names { collectionNames.remove(name) }
                walk(loop.body)
            case .returnValue(let value):
                if let value { walk(value) }
            case .function(let declaration): walk(declaration.body)
            case .tryCatch(body: let body, errorName: let errorName, handler: let handler):
                _ = errorName
                walk(body)
                walk(handler)
            case .breakLoop, .continueLoop, .importFile: break
            }
        }

        mutating func walk(_ expression: Expr) {
            switch expression.kind {
            case .call(let callee, let arguments):
                if case .member(let receiver, let name, optional: let optional) = callee.kind {
                    _ = optional
                    note(expression, method: name, receiver: receiver)
                }
                walk(callee)
                for argument in arguments { walk(argument.value) }
            case .literal(let literal): _ = literal
            case .variable(let name): _ = name
            case .template(let segments):
                for segment in segments { if case .code(let code) = segment { walk(code) } }
            case .list(let items): for item in items { walk(item) }
            case .map(let entries):
                for entry in entries {
                    if case .computed(let key) = entry.key { walk(key) }
                    walk(entry.value)
                }
            case .unary(let operation, let operand):
                _ = operation
                walk(operand)
            case .binary(let operation, let left, let right):
                _ = operation
                walk(left)
                walk(right)
            case .logical(let operation, let left, let right):
                _ = operation
                walk(left)
                walk(right)
            case .range(let low, let high, inclusive: let inclusive):
                _ = inclusive
                walk(low)
                walk(high)
            case .member(let object, let name, optional: let optional):
                _ = (name, optional)
                walk(object)
            case .index(let object, let key):
                walk(object)
                walk(key)
            case .lambda(let declaration): walk(declaration.body)
            case .query(let collection, let condition):
                walk(collection)
                walk(condition)
            }
        }

        mutating func note(_ call: Expr, method: String, receiver: Expr) {
            let reason: String, isCertain: Bool
            if Self.isDestructive(method) {
                (reason, isCertain) = ("\(method) always asks", true)
            } else if ConfirmationScan.actionNames.contains(method), isCollection(receiver) {
                (reason, isCertain) = ("asks if the bulk job has over \(BulkJob.confirmationThreshold) items", false)
            } else {
                return
            }
            var text = TerminalText.visible(source.text(of: call.range).split(separator: "\n").first.map(String.init) ?? "")
            if text.count > 60 { text = String(text.prefix(59)) + "…" }
            places.append(Place(location: source.location(of: call.range.start), call: text, reason: reason, isCertain: isCertain))
        }

        static func isDestructive(_ method: String) -> Bool { ConfirmationScan.destructiveNames.contains(method) }

        func isCollection(_ expression: Expr) -> Bool {
            switch expression.kind {
            case .variable(let name):
                return ConfirmationScan.collectionGlobals.contains(name) || collectionNames.contains(name)
            case .query(let collection, let condition):
                // Only panel objects have actions, so a query acted on is a panel query.
                _ = (collection, condition)
                return true
            case .member(let object, let name, optional: let optional):
                _ = optional
                if ConfirmationScan.collectionMembers.contains(name) { return true }
                return ConfirmationScan.collectionPreserving.contains(name) && isCollection(object)
            case .call(let callee, let arguments):
                _ = arguments
                guard case .member(let object, let name, optional: let optional) = callee.kind else { return false }
                _ = optional
                return ConfirmationScan.collectionPreserving.contains(name) && isCollection(object)
            case .list(let items):
                return items.count > BulkJob.confirmationThreshold
            default:
                return false
            }
        }
    }
}
