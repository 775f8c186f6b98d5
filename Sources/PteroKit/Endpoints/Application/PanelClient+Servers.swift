/// Servers on the application API.
extension PanelClient {
    static let serversPath = "/api/application/servers"

    /// Every server, lazily; filters `uuid`, `uuidShort`, `name`, `description`, `image`, `external_id`; sorts `id`, `uuid`.
    public func listServers(_ query: ListQuery = ListQuery()) -> Pages<Server> {
        pages(Self.serversPath, query: query.queryItems, perPage: query.perPage)
    }

    public func server(id: Int, include: [String] = []) async throws -> Server {
        try await item(.get, "\(Self.serversPath)/\(id)", query: ListQuery.includes(include))
    }

    public func server(externalId: String, include: [String] = []) async throws -> Server {
        try await item(.get, "\(Self.serversPath)/external/\(segment(externalId))", query: ListQuery.includes(include))
    }

    /// Sends `details` whole: an omitted external id is cleared, an omitted
    /// description emptied. Prefer `updateServerDetails(id:_:)`.
    public func replaceServerDetails(id: Int, with details: ServerDetails) async throws -> Server {
        try await item(.patch, "\(Self.serversPath)/\(id)/details", body: details)
    }

    /// Changes only what `change` sets: reads the server, applies it, sends the details whole.
    public func updateServerDetails(id: Int, _ change: (inout ServerDetails) -> Void) async throws -> Server {
        let current = try await server(id: id)
        var details = ServerDetails(name: current.name, user: current.user, externalId: current.externalId,
                                    description: current.description)
        change(&details)
        return try await replaceServerDetails(id: id, with: details)
    }

    public func updateServerBuild(id: Int, _ build: ServerBuild) async throws -> Server {
        try await item(.patch, "\(Self.serversPath)/\(id)/build", body: build)
    }

    public func updateServerStartup(id: Int, _ startup: ServerStartup) async throws -> Server {
        try await item(.patch, "\(Self.serversPath)/\(id)/startup", body: startup)
    }

    public func createServer(_ server: NewServer) async throws -> Server {
        try await item(.post, Self.serversPath, body: server)
    }

    public func suspendServer(id: Int) async throws {
        try await perform(.post, "\(Self.serversPath)/\(id)/suspend")
    }

    public func unsuspendServer(id: Int) async throws {
        try await perform(.post, "\(Self.serversPath)/\(id)/unsuspend")
    }

    public func reinstallServer(id: Int) async throws {
        try await perform(.post, "\(Self.serversPath)/\(id)/reinstall")
    }

    public func deleteServer(id: Int) async throws {
        try await perform(.delete, "\(Self.serversPath)/\(id)")
    }

    /// Deletes even when the daemon or a database host fails.
    public func forceDeleteServer(id: Int) async throws {
        try await perform(.delete, "\(Self.serversPath)/\(id)/force")
    }
}
