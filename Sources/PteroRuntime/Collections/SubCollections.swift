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

    /// By the parent's `object`, then the member name: the API table's
    /// collections `kind.member` (`node.allocations`; a server's client-API
    /// ones are `server.backups`, ...).
    static let table: [String: [String: Template]] = [
        "node": ["allocations": Template(anchor: .application, source: CollectionSource.offered("node.allocations", as: "allocations"))],
        "nest": ["eggs": Template(anchor: .application, source: CollectionSource.offered("nest.eggs", as: "eggs"))],
        "server": [
            "databases": Template(anchor: .application, source: CollectionSource.offered("server.databases", as: "databases")),
            "backups": Template(anchor: .clientServer, source: CollectionSource.offered("server.backups", api: .client, as: "backups",
                                                                                        pageSize: 50)),
            "schedules": Template(anchor: .clientServer, source: CollectionSource.offered("server.schedules", api: .client, as: "schedules")),
            "subusers": Template(anchor: .clientServer, source: CollectionSource.offered("server.subusers", api: .client, as: "subusers")),
            "network": Template(anchor: .clientServer, source: CollectionSource.offered("server.network", api: .client, as: "network")),
        ],
    ]

    static func names(for object: String) -> [String] { (table[object] ?? [:]).keys.sorted() }

    /// The start of a server's client-API routes, which its identifier fills.
    static let clientServerRoute = "/api/client/servers/{server}"

    /// A server read through the client API (`client.servers`) keeps to it:
    /// its databases are the client API's (create, rotate-password, delete).
    static let clientTable: [String: Template] = [
        "databases": Template(anchor: .clientServer, source: CollectionSource.offered("server.databases", api: .client, as: "databases")),
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
            path = client + source.path.dropFirst(clientServerRoute.count)
        } else {
            guard let id = resource.applicationID else { return nil }
            path = CollectionSource.filling(source.path, with: String(id))
        }
        return source.bound(name: "\(resource.displayText).\(name)", path: path)
    }
}
