import PteroLang

/// Collections that hang off one object: `node.allocations`, `nest.eggs`,
/// `server.databases`, and a server's client-API ones (`s.backups`,
/// `s.schedules`, `s.subusers`, `s.network`), reached by its identifier.
enum SubCollections {
    /// Whose id fills a template's `{id}`.
    enum Anchor: Sendable {
        /// The application API's numeric id.
        case application
        /// A server's client-API path, `/api/client/servers/{identifier}`.
        case clientServer
    }

    struct Template: Sendable {
        let anchor: Anchor
        let source: CollectionSource
    }

    /// By the parent's `object`, then the member name.
    static let table: [String: [String: Template]] = [
        "node": ["allocations": Template(anchor: .application, source: CollectionSource(
            name: "allocations", object: "allocation", path: "/api/application/nodes/{id}/allocations",
            filters: ["ip_alias"], exactFilters: ["ip", "port"], creatable: true))],
        "nest": ["eggs": Template(anchor: .application, source: CollectionSource(
            name: "eggs", object: "egg", path: "/api/application/nests/{id}/eggs"))],
        "server": [
            "databases": Template(anchor: .application, source: CollectionSource(
                name: "databases", object: "server_database", path: "/api/application/servers/{id}/databases", creatable: true)),
            "backups": Template(anchor: .clientServer, source: CollectionSource(
                name: "backups", object: "backup", path: "{client}/backups", pageSize: 50, creatable: true)),
            "schedules": Template(anchor: .clientServer, source: CollectionSource(
                name: "schedules", object: "server_schedule", path: "{client}/schedules", creatable: true,
                createDefaults: ["month": "*"])),
            "subusers": Template(anchor: .clientServer, source: CollectionSource(
                name: "subusers", object: "server_subuser", path: "{client}/users", creatable: true)),
            "network": Template(anchor: .clientServer, source: CollectionSource(
                name: "network", object: "allocation", path: "{client}/network/allocations", creatable: true)),
        ],
    ]

    static func names(for object: String) -> [String] { (table[object] ?? [:]).keys.sorted() }

    /// A server read through the client API (`client.servers`) keeps to it:
    /// its databases are the client API's (create, rotate-password, delete).
    static let clientTable: [String: Template] = [
        "databases": Template(anchor: .clientServer, source: CollectionSource(
            name: "databases", object: "server_database", path: "{client}/databases", creatable: true)),
    ]

    /// The sub-collection `name` of `resource`, bound to it; nil when it has none.
    static func source(_ name: String, of resource: Resource) throws -> CollectionSource? {
        let readByClient = resource.kind.object == "server" && resource.collectionPath?.hasPrefix("/api/client") == true
        guard let template = (readByClient ? clientTable[name] : nil) ?? table[resource.kind.object]?[name] else { return nil }
        let source = template.source
        let path: String
        if template.anchor == .clientServer {
            guard let client = resource.clientPath else {
                throw RuntimeError("\(resource.displayText) has no identifier, so its \(name) cannot be reached")
            }
            path = source.path.replacingOccurrences(of: "{client}", with: client)
        } else {
            guard let id = resource.applicationID else { return nil }
            path = source.path.replacingOccurrences(of: "{id}", with: String(id))
        }
        return source.bound(name: "\(resource.displayText).\(name)", path: path)
    }
}
