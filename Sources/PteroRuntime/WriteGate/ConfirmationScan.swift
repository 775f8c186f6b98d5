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
    /// Action names that become a bulk job on a collection, and `run`: a
    /// console command on many servers asks too (`ConsoleBulkJob`).
    static let actionNames: Set<String> = Set(ResourceAction.table.values.flatMap { $0 }.map(\.name)).union(["run"])
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

        /// Every expression and block in order; a `let` or an assignment
        /// then records whether its name holds a collection, and a loop's
        /// names hide any collection of that name in its body.
        mutating func walk(_ statement: Stmt) {
            for expression in statement.expressions { walk(expression) }
            switch statement.kind {
            case .declaration(let name, let value):
                if isCollection(value) { collectionNames.insert(name) } else { collectionNames.remove(name) }
            case .assignment(let target, let compound, let value):
                _ = compound
                if let name = target.variableName, isCollection(value) { collectionNames.insert(name) }
            case .forLoop(let loop):
                for name in loop.names { collectionNames.remove(name) }
            default:
                break
            }
            for block in statement.blocks { walk(block) }
        }

        mutating func walk(_ expression: Expr) {
            if let call = expression.methodCall { note(expression, method: call.name, receiver: call.receiver) }
            for child in expression.children { walk(child) }
            if let function = expression.lambda { walk(function.body) }
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
            if let name = expression.variableName {
                return ConfirmationScan.collectionGlobals.contains(name) || collectionNames.contains(name)
            }
            // Only panel objects have actions, so a query acted on is a panel query.
            if expression.query != nil { return true }
            if let member = expression.memberAccess {
                if ConfirmationScan.collectionMembers.contains(member.name) { return true }
                return ConfirmationScan.collectionPreserving.contains(member.name) && isCollection(member.object)
            }
            if let call = expression.methodCall {
                return ConfirmationScan.collectionPreserving.contains(call.name) && isCollection(call.receiver)
            }
            if case .list(let items) = expression.kind { return items.count > BulkJob.confirmationThreshold }
            return false
        }
    }
}
