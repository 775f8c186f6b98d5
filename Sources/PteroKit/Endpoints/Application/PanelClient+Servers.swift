/// Servers on the application API.
extension PanelClient {
    /// Every server, lazily; filters `uuid`, `uuidShort`, `name`, `description`, `image`, `external_id`; sorts `id`, `uuid`.
    public func listServers(_ query: ListQuery = ListQuery()) -> Pages<Server> {
        pages("servers.list", query: query.queryItems, perPage: query.perPage)
    }

    public func server(id: Int, include: [String] = []) async throws -> Server {
        try await item("servers.view", id, query: ListQuery.includes(include))
    }

    public func server(externalId: String, include: [String] = []) async throws -> Server {
        try await item("servers.view_external", externalId, query: ListQuery.includes(include))
    }

    /// Sends `details` whole: an omitted external id is cleared, an omitted
    /// description emptied. Prefer `updateServerDetails(id:_:)`.
    public func replaceServerDetails(id: Int, with details: ServerDetails) async throws -> Server {
        try await item("servers.update_details", id, body: details)
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
        try await item("servers.update_build", id, body: build)
    }

    public func updateServerStartup(id: Int, _ startup: ServerStartup) async throws -> Server {
        try await item("servers.update_startup", id, body: startup)
    }

    public func createServer(_ server: NewServer) async throws -> Server {
        try await item("servers.create", body: server)
    }

    public func suspendServer(id: Int) async throws {
        try await perform("servers.suspend", id)
    }

    public func unsuspendServer(id: Int) async throws {
        try await perform("servers.unsuspend", id)
    }

    public func reinstallServer(id: Int) async throws {
        try await perform("servers.reinstall", id)
    }

    public func deleteServer(id: Int) async throws {
        try await perform("servers.delete", id)
    }

    /// Deletes even when the daemon or a database host fails.
    public func forceDeleteServer(id: Int) async throws {
        try await perform("servers.force_delete", id)
    }
}
