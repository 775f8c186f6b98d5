import PteroKit
/// Where a collection's items come from and what the panel can filter.
public struct CollectionSource: Sendable {
    /// The global's name: `servers`.
    public let name: String
    /// The envelope `object` of its items: `server`.
    public let object: String
    /// The list endpoint: `/api/application/servers`.
    public let path: String
    /// `filter[...]` names the endpoint accepts; the panel matches them as
    /// substrings (partial) unless listed in `exactFilters`.
    public let filters: Set<String>
    public let exactFilters: Set<String>
    /// Fields whose filter has another name: a server's `identifier` is the
    /// application API's `uuidShort`, and the client API finds it with `*`
    /// (which matches more; every item is still checked here).
    public let filterAliases: [String: String]
    /// Items per page asked of the panel.
    public let pageSize: Int
    /// For a collection spread over parents (all eggs of all nests): the
    /// parents, and `path` holds `{id}` for each parent's id.
    public let across: [CollectionSource]
    /// Offers `.create(...)`: a POST of the named arguments to `path`.
    public let creatable: Bool
    /// Query parameters every page request carries (`type=admin-all`).
    public let fixedQuery: [String: String]
    /// Fields `.create(...)` sends when not named (a schedule's `month`:
    /// the panel answers 500 without it).
    public let createDefaults: [String: String]
    /// The fields `.create(...)` takes, in the order the panel's request
    /// class lists them (the creation row's body); empty when the row does
    /// not list them, and then any name is sent.
    public let createFields: [String]

    public init(name: String, object: String, path: String, filters: Set<String> = [], exactFilters: Set<String> = [],
                filterAliases: [String: String] = [:], pageSize: Int = 100, across parent: CollectionSource? = nil, creatable: Bool = false,
                fixedQuery: [String: String] = [:], createDefaults: [String: String] = [:], createFields: [String] = []) {
        self.across = parent.map { [$0] } ?? []
        self.createFields = createFields
        self.creatable = creatable
        self.fixedQuery = fixedQuery
        self.createDefaults = createDefaults
        self.name = name
        self.object = object
        self.path = path
        self.filters = filters
        self.exactFilters = exactFilters
        self.filterAliases = filterAliases
        self.pageSize = pageSize
    }

    /// The `filter[...]` that narrows a listing to items whose `field` holds a text.
    public func filterName(forField field: String) -> String? {
        filterAliases[field] ?? (filters.contains(field) ? field : nil)
    }

    /// The collection the API table offers as `name` on `api`: its path,
    /// its items' kind, its filters and whether it can create. What the
    /// language adds (another name, filter aliases, a page size, a fixed
    /// query) comes with the call; an alias for a filter the row has not
    /// got is dropped (0.7 has no `filter[...]` at all). Nil when `table`
    /// has no such collection.
    static func offered(_ name: String, api: PanelAPI = .application, as global: String? = nil, filterAliases: [String: String] = [:],
                        pageSize: Int = 100, across parent: CollectionSource? = nil, fixedQuery: [String: String] = [:],
                        in table: APITable) -> CollectionSource? {
        guard let row = table.collections(name).first(where: { $0.api == api }), let object = row.answer.object else { return nil }
        let creation = table.creation(name, api: api)
        return CollectionSource(name: global ?? name, object: object, path: row.path, filters: Set(row.filters),
                                exactFilters: Set(row.exactFilters), filterAliases: filterAliases.filter { row.filters.contains($0.value) },
                                pageSize: pageSize, across: parent, creatable: creation != nil, fixedQuery: fixedQuery,
                                createDefaults: creation?.defaults ?? [:], createFields: creation?.body.map(\.name) ?? [])
    }

    /// The same from Pterodactyl 1.x's table, which has every collection
    /// the language names.
    static func offered(_ name: String, api: PanelAPI = .application, as global: String? = nil, filterAliases: [String: String] = [:],
                        pageSize: Int = 100, across parent: CollectionSource? = nil, fixedQuery: [String: String] = [:]) -> CollectionSource {
        guard let source = offered(name, api: api, as: global, filterAliases: filterAliases, pageSize: pageSize, across: parent,
                                   fixedQuery: fixedQuery, in: .pterodactyl1) else {
            preconditionFailure("the API table offers no collection \(name) on the \(api.rawValue) API")
        }
        return source
    }

    /// The application API's top-level collections of `dialect`'s panel,
    /// in the order `help` lists them.
    static func globals(in dialect: PanelDialect) -> [CollectionSource] {
        let table = dialect.table
        let nests = offered("nests", in: table)
        return [
            // Pelican filters on uuid_short (its ServerController `index`).
            offered("servers", filterAliases: ["identifier": table.endpoint("servers.list")?.filters.contains("uuid_short") == true ? "uuid_short" : "uuidShort"],
                    in: table),
            offered("nodes", in: table),
            offered("users", in: table),
            offered("locations", in: table),
            nests,
            // Pelican's eggs are top-level; Pterodactyl's are every nest's.
            offered("eggs", in: table) ?? nests.flatMap { offered("nest.eggs", as: "eggs", across: $0, in: table) },
            offered("roles", in: table),
            offered("mounts", in: table),
            offered("database_hosts", in: table),
        ].compactMap { $0 }
    }

    /// The application API's top-level collections of any panel, each once
    /// (for `ptero check` and `help`, which have no panel, and for the
    /// globals a panel lacks, which say so).
    public static let application: [CollectionSource] = {
        var sources = [CollectionSource]()
        for dialect in [PanelDialect.pterodactyl1, .pelican, .pterodactyl07] {
            for source in globals(in: dialect) where !sources.contains(where: { $0.name == source.name }) { sources.append(source) }
        }
        return sources
    }()

    /// The client API's servers on `dialect`'s panel: those the key's user
    /// may see. The client API finds an identifier with `*` (which matches
    /// more; every item is still checked here).
    static func clientServers(in dialect: PanelDialect) -> CollectionSource? {
        offered("client.servers", api: .client, filterAliases: ["identifier": "*"], in: dialect.table)
    }

    /// Every server of the panel through the client API (root admins only;
    /// the panel gives others an empty list): 1.x asks `type=admin-all`,
    /// 0.7 `filter=all` (v0.7.19 Api/Client/ClientController.php `index`).
    static func clientAllServers(in dialect: PanelDialect) -> CollectionSource? {
        let everything = dialect == .pterodactyl07 ? ["filter": "all"] : ["type": "admin-all"]
        return offered("client.servers", api: .client, as: "client.all_servers", filterAliases: ["identifier": "*"],
                       fixedQuery: everything, in: dialect.table)
    }

    /// The account's API keys.
    static let apiKeys = offered("account.api_keys", api: .client)

    /// The account's SSH keys (for SFTP).
    static let sshKeys = offered("account.ssh_keys", api: .client)

    /// The account's activity log.
    static let activity = offered("account.activity", api: .client)

    /// `template` with its first `{...}` filled with `value`
    /// (`/api/application/nests/{nest}/eggs` for nest 3).
    static func filling(_ template: String, with value: String) -> String {
        guard let open = template.firstIndex(of: "{"), let close = template[open...].firstIndex(of: "}") else { return template }
        return template.replacingCharacters(in: open...close, with: value)
    }

    /// This template at one parent's path.
    func bound(name: String, path: String) -> CollectionSource {
        CollectionSource(name: name, object: object, path: path, filters: filters, exactFilters: exactFilters,
                         filterAliases: filterAliases, pageSize: pageSize, creatable: creatable, fixedQuery: fixedQuery, createDefaults: createDefaults, createFields: createFields)
    }
}
