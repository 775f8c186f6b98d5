/// Collections that hang off one object: `node.allocations`,
/// `nest.eggs`, `server.databases`.
enum SubCollections {
    /// By the parent's `object`, then the member name; `{id}` is the parent's id.
    static let table: [String: [String: CollectionSource]] = [
        "node": ["allocations": CollectionSource(name: "allocations", object: "allocation",
                                                 path: "/api/application/nodes/{id}/allocations",
                                                 filters: ["ip_alias"], exactFilters: ["ip", "port"])],
        "nest": ["eggs": CollectionSource(name: "eggs", object: "egg", path: "/api/application/nests/{id}/eggs")],
        "server": ["databases": CollectionSource(name: "databases", object: "server_database",
                                                 path: "/api/application/servers/{id}/databases")],
    ]

    static func names(for object: String) -> [String] { (table[object] ?? [:]).keys.sorted() }

    /// The sub-collection `name` of `resource`, bound to its id; nil when it has none.
    static func source(_ name: String, of resource: Resource) -> CollectionSource? {
        guard let template = table[resource.kind.object]?[name], let id = resource.numericID else {
            return nil
        }
        return CollectionSource(name: "\(resource.kind.typeName.lowercased())#\(id).\(name)", object: template.object,
                                path: template.path.replacingOccurrences(of: "{id}", with: String(id)),
                                filters: template.filters, exactFilters: template.exactFilters, pageSize: template.pageSize)
    }
}
