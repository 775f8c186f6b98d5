/// The kinds of panel object the language shows, keyed by the `object`
/// name the panel puts in its envelopes.
public struct ResourceKind: Sendable, Hashable {
    /// The envelope's `object`, e.g. `server`, `server_database`.
    public let object: String
    /// What `type(x)` says, e.g. `Server`, `Database`.
    public let typeName: String
    /// Attributes that name the object in `Server#12 "name"`, first present wins.
    public let labelFields: [String]
    /// Attributes that identify it, first present wins.
    public let identityFields: [String]

    public init(object: String, typeName: String, labelFields: [String] = ["name"], identityFields: [String] = ["id"]) {
        self.object = object
        self.typeName = typeName
        self.labelFields = labelFields
        self.identityFields = identityFields
    }

    /// The kind of an envelope's `object`; unknown objects still work, named after their object.
    public static func forObject(_ object: String) -> ResourceKind {
        known[object] ?? ResourceKind(object: object, typeName: camelCased(object))
    }

    static let known: [String: ResourceKind] = Dictionary(uniqueKeysWithValues: [
        ResourceKind(object: "server", typeName: "Server", identityFields: ["id", "identifier", "uuid"]),
        ResourceKind(object: "node", typeName: "Node"),
        ResourceKind(object: "allocation", typeName: "Allocation", labelFields: ["alias", "ip_alias", "ip"]),
        ResourceKind(object: "user", typeName: "User", labelFields: ["username", "email"], identityFields: ["id", "uuid"]),
        ResourceKind(object: "location", typeName: "Location", labelFields: ["short", "long"]),
        ResourceKind(object: "nest", typeName: "Nest"),
        ResourceKind(object: "egg", typeName: "Egg"),
        ResourceKind(object: "egg_variable", typeName: "EggVariable", labelFields: ["env_variable", "name"]),
        ResourceKind(object: "server_variable", typeName: "ServerVariable", labelFields: ["env_variable", "name"]),
        ResourceKind(object: "server_database", typeName: "Database", labelFields: ["database", "name"]),
        ResourceKind(object: "database_host", typeName: "DatabaseHost"),
        ResourceKind(object: "stats", typeName: "Resources", labelFields: ["current_state"], identityFields: []),
        ResourceKind(object: "file_object", typeName: "File", identityFields: ["name"]),
        ResourceKind(object: "backup", typeName: "Backup", identityFields: ["uuid"]),
        ResourceKind(object: "server_schedule", typeName: "Schedule"),
        ResourceKind(object: "schedule_task", typeName: "Task", labelFields: ["action"]),
        ResourceKind(object: "server_subuser", typeName: "Subuser", labelFields: ["username", "email"], identityFields: ["uuid"]),
        ResourceKind(object: "api_key", typeName: "ApiKey", labelFields: ["description"], identityFields: ["identifier"]),
        ResourceKind(object: "ssh_key", typeName: "SshKey", identityFields: ["fingerprint"]),
        ResourceKind(object: "activity_log", typeName: "Activity", labelFields: ["event"]),
    ].map { ($0.object, $0) })

    static func camelCased(_ object: String) -> String {
        object.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
