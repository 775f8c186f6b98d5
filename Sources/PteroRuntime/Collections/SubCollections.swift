import PteroKit
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

    /// A sub-collection as the API table offers it (`server.backups` on
    /// the client API), found in each dialect's own table.
    struct Template: Sendable {
        let anchor: Anchor
        /// The table's collection name: `node.allocations`.
        let offer: String
        let api: PanelAPI
        let pageSize: Int

        init(_ anchor: Anchor, _ offer: String, api: PanelAPI = .application, pageSize: Int = 100) {
            self.anchor = anchor
            self.offer = offer
            self.api = api
            self.pageSize = pageSize
        }

        /// Its collection on `dialect`'s panel, named as the member; nil when that panel has none.
        func source(named member: String, in dialect: PanelDialect) -> CollectionSource? {
            CollectionSource.offered(offer, api: api, as: member, pageSize: pageSize, in: dialect.table)
        }
    }

    /// By the parent's `object`, then the member name: the API table's
    /// collections `kind.member` (`node.allocations`; a server's client-API
    /// ones are `server.backups`, ...).
    static let table: [String: [String: Template]] = [
        "node": ["allocations": Template(.application, "node.allocations")],
        "nest": ["eggs": Template(.application, "nest.eggs")],
        "server": [
            "databases": Template(.application, "server.databases"),
            "backups": Template(.clientServer, "server.backups", api: .client, pageSize: 50),
            "schedules": Template(.clientServer, "server.schedules", api: .client),
            "subusers": Template(.clientServer, "server.subusers", api: .client),
            "network": Template(.clientServer, "server.network", api: .client),
        ],
    ]

    /// The members `object` has on some panel (`ptero check` and completion know them all).
    static func names(for object: String) -> [String] { (table[object] ?? [:]).keys.sorted() }

    /// The members objects of `object` have on `dialect`'s panel.
    static func names(for object: String, in dialect: PanelDialect) -> [String] {
        (table[object] ?? [:]).filter { $0.value.source(named: $0.key, in: dialect) != nil }.keys.sorted()
    }

    /// The start of a server's client-API routes, which its identifier fills.
    static let clientServerRoute = "/api/client/servers/{server}"

    /// A server read through the client API (`client.servers`) keeps to it:
    /// its databases are the client API's (create, rotate-password, delete).
    static let clientTable: [String: Template] = [
        "databases": Template(.clientServer, "server.databases", api: .client),
    ]

    /// The sub-collection `name` of `resource`, bound to it; nil when it has none.
    static func source(_ name: String, of resource: Resource) throws -> CollectionSource? {
        let readByClient = resource.kind.object == "server" && resource.collectionPath?.hasPrefix("/api/client") == true
        guard let template = (readByClient ? clientTable[name] : nil) ?? table[resource.kind.object]?[name] else { return nil }
        let dialect = resource.dialect
        guard let source = template.source(named: name, in: dialect) else {
            throw DialectAbsence.error(name, in: dialect, has: PanelDialect.allCases.filter { template.source(named: name, in: $0) != nil },
                                       plural: true)
        }
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
