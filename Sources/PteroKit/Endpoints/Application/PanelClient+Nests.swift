/// Nests and eggs (read-only) on the application API.
extension PanelClient {
    static let nestsPath = "/api/application/nests"

    /// Every nest, lazily; includes `eggs`, `servers`.
    public func listNests(_ query: ListQuery = ListQuery()) -> Pages<Nest> {
        pages(Self.nestsPath, query: query.queryItems, perPage: query.perPage)
    }

    public func nest(id: Int, include: [String] = []) async throws -> Nest {
        try await item(.get, "\(Self.nestsPath)/\(id)", query: ListQuery.includes(include))
    }

    /// Includes: `nest`, `servers`, `config`, `script`, `variables`.
    public func eggs(nest: Int, include: [String] = []) async throws -> [Egg] {
        try await list("\(Self.nestsPath)/\(nest)/eggs", query: ListQuery.includes(include))
    }

    public func egg(nest: Int, id: Int, include: [String] = []) async throws -> Egg {
        try await item(.get, "\(Self.nestsPath)/\(nest)/eggs/\(id)", query: ListQuery.includes(include))
    }
}
