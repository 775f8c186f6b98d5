import PteroKit
import PteroLang

/// A write a resource offers as a method (`s.suspend()`), described once
/// so the same action works on one resource and, as a bulk job, on a query.
public struct ResourceAction: Sendable {
    public let name: String
    /// Asks for confirmation on a terminal unless `--yes`.
    public let isDestructive: Bool
    /// Its arguments, as `help` shows them: `memory:, swap:, ...`.
    public let parameters: [String]
    /// The requests it sends, as `help` shows them: the API table's routes,
    /// one a line (`POST /api/client/servers/{server}/backups/{backup}/lock`).
    public let endpoint: String
    /// One line for `help`: what the panel does with it.
    public let summary: String
    /// Builds the request for one resource from the call's arguments.
    let request: @Sendable (Resource, inout Arguments) throws -> PanelRequest

    init(name: String, isDestructive: Bool, parameters: [String] = [], endpoint: String, summary: String,
         request: @escaping @Sendable (Resource, inout Arguments) throws -> PanelRequest) {
        self.name = name
        self.isDestructive = isDestructive
        self.parameters = parameters
        self.endpoint = endpoint
        self.summary = summary
        self.request = request
    }

    /// `build(memory:, swap:, ...)`, as `help` shows it.
    public var signature: String { "\(name)(" + parameters.map { "\($0):" }.joined(separator: ", ") + ")" }

    /// What `help(s.build)` prints for an object of `kind`: the signature,
    /// the endpoint and the summary; on a query, that it is a bulk job.
    func help(for kind: ResourceKind, onQuery: Bool) -> String {
        var lines = [signature, "  " + endpoint, "  " + summary.replacingOccurrences(of: "{kind}", with: kind.typeName.lowercased())]
        if onQuery { lines.append("  On a query or a list: a bulk job, one request per \(kind.typeName.lowercased()), at the panel's rate limit.") }
        if isDestructive { lines.append("  Asks first on a terminal (--yes skips the question).") }
        return lines.joined(separator: "\n")
    }

    /// The methods objects of `object` have on `dialect`'s panel.
    public static func actions(for object: String, in dialect: PanelDialect) -> [ResourceAction] {
        tables[dialect]?[object] ?? []
    }

    /// The method `name` of objects of `object` on `dialect`'s panel; when
    /// only another panel has it, an error that says which (DialectAbsence).
    public static func find(_ name: String, for object: String, in dialect: PanelDialect) throws -> ResourceAction? {
        if let action = actions(for: object, in: dialect).first(where: { $0.name == name }) { return action }
        let elsewhere = PanelDialect.allCases.filter { other in tables[other]?[object]?.contains { $0.name == name } == true }
        guard !elsewhere.isEmpty else { return nil }
        throw DialectAbsence.error("\(ResourceKind.forObject(object).typeName.lowercased()).\(name)()", in: dialect, has: elsewhere,
                                   plural: false)
    }

    /// One entry per method each dialect's API table offers on an object (TableAction.swift).
    static let tables: [PanelDialect: [String: [ResourceAction]]] =
        Dictionary(uniqueKeysWithValues: PanelDialect.allCases.map { ($0, actions(from: $0.table)) })

    /// Every dialect's methods together, by kind: what `ptero check` and the
    /// confirmation scan know before any panel is asked.
    static let table: [String: [ResourceAction]] = {
        var union = [String: [ResourceAction]]()
        for dialect in PanelDialect.allCases {
            for (kind, actions) in tables[dialect] ?? [:] {
                for action in actions where union[kind]?.contains(where: { $0.name == action.name }) != true {
                    union[kind, default: []].append(action)
                }
            }
        }
        return union
    }()

    /// A schedule task's body fields: the panel has no list of tasks, they
    /// come inside their schedule (`schedule.tasks`).
    static let taskFields = APITable.pterodactyl1.endpoint("server.schedules.tasks.update")?.labels ?? []

    static func id(of resource: Resource) throws -> Int {
        guard let id = resource.applicationID else {
            throw RuntimeError("\(resource.displayText) has no numeric id")
        }
        return id
    }
}

extension Arguments {
    /// A named bool argument; nil when absent.
    func namedBool(_ label: String) throws -> Bool? {
        guard let value = labeled(label) else { return nil }
        guard case .bool(let flag) = value else {
            throw RuntimeError("\(label): must be true or false, not \(value.describedType)")
        }
        return flag
    }
}
