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

    public init(name: String, object: String, path: String, filters: Set<String> = [], exactFilters: Set<String> = [],
                filterAliases: [String: String] = [:], pageSize: Int = 100, across parent: CollectionSource? = nil, creatable: Bool = false,
                fixedQuery: [String: String] = [:], createDefaults: [String: String] = [:]) {
        self.across = parent.map { [$0] } ?? []
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

    /// The application API's top-level collections (§5 of the reference).
    public static let application: [CollectionSource] = [
        CollectionSource(name: "servers", object: "server", path: "/api/application/servers",
                         filters: ["uuid", "name", "description", "image", "external_id"],
                         filterAliases: ["identifier": "uuidShort"], creatable: true),
        CollectionSource(name: "nodes", object: "node", path: "/api/application/nodes", filters: ["uuid", "name", "fqdn"],
                         creatable: true),
        CollectionSource(name: "users", object: "user", path: "/api/application/users",
                         filters: ["email", "uuid", "username", "external_id"], creatable: true),
        CollectionSource(name: "locations", object: "location", path: "/api/application/locations", filters: ["short", "long"],
                         creatable: true),
        nests,
        CollectionSource(name: "eggs", object: "egg", path: "/api/application/nests/{id}/eggs", across: nests),
    ]

    static let nests = CollectionSource(name: "nests", object: "nest", path: "/api/application/nests")

    /// The client API's servers: those the key's user may see (all of them
    /// for a root admin with `type: admin-all`, as `client.servers` asks).
    static let clientServers = CollectionSource(name: "client.servers", object: "server", path: "/api/client",
                                                filters: ["uuid", "name", "description", "external_id"],
                                                filterAliases: ["identifier": "*"], pageSize: 100)

    /// Every server of the panel through the client API (root admins only;
    /// the panel gives others an empty list).
    static let clientAllServers = CollectionSource(name: "client.all_servers", object: "server", path: "/api/client",
                                                   filters: ["uuid", "name", "description", "external_id"],
                                                   filterAliases: ["identifier": "*"], pageSize: 100,
                                                   fixedQuery: ["type": "admin-all"])

    /// The account's API keys.
    static let apiKeys = CollectionSource(name: "account.api_keys", object: "api_key", path: "/api/client/account/api-keys",
                                          creatable: true)

    /// The account's SSH keys (for SFTP).
    static let sshKeys = CollectionSource(name: "account.ssh_keys", object: "ssh_key", path: "/api/client/account/ssh-keys",
                                          creatable: true)

    /// This template at one parent's path.
    func bound(name: String, path: String) -> CollectionSource {
        CollectionSource(name: name, object: object, path: path, filters: filters, exactFilters: exactFilters,
                         filterAliases: filterAliases, pageSize: pageSize, creatable: creatable, fixedQuery: fixedQuery, createDefaults: createDefaults)
    }
}
