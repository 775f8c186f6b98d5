/// Databases of a server on the application API.
extension PanelClient {
    /// Includes: `password`, `host`.
    public func serverDatabases(server: Int, include: [String] = []) async throws -> [ServerDatabase] {
        try await list("server_databases.list", server, query: ListQuery.includes(include))
    }

    public func serverDatabase(server: Int, id: Int, include: [String] = []) async throws -> ServerDatabase {
        try await item("server_databases.view", server, id, query: ListQuery.includes(include))
    }

    public func createServerDatabase(server: Int, _ database: NewServerDatabase) async throws -> ServerDatabase {
        try await item("server_databases.create", server, body: database)
    }

    public func resetServerDatabasePassword(server: Int, id: Int) async throws {
        try await perform("server_databases.reset_password", server, id)
    }

    public func deleteServerDatabase(server: Int, id: Int) async throws {
        try await perform("server_databases.delete", server, id)
    }
}
