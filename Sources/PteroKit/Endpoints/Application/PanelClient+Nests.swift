/// Nests and eggs (read-only) on the application API.
extension PanelClient {
    /// Every nest, lazily; includes `eggs`, `servers`.
    public func listNests(_ query: ListQuery = ListQuery()) -> Pages<Nest> {
        pages("nests.list", query: query.queryItems, perPage: query.perPage)
    }

    public func nest(id: Int, include: [String] = []) async throws -> Nest {
        try await item("nests.view", id, query: ListQuery.includes(include))
    }

    /// Includes: `nest`, `servers`, `config`, `script`, `variables`.
    public func eggs(nest: Int, include: [String] = []) async throws -> [Egg] {
        try await list("eggs.list", nest, query: ListQuery.includes(include))
    }

    public func egg(nest: Int, id: Int, include: [String] = []) async throws -> Egg {
        try await item("eggs.view", nest, id, query: ListQuery.includes(include))
    }
}
