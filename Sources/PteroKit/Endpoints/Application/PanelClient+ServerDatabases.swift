/// Databases of a server on the application API.
extension PanelClient {
    /// Includes: `password`, `host`.
    public func serverDatabases(server: Int, include: [String] = []) async throws -> [ServerDatabase] {
        try await list("\(Self.serversPath)/\(server)/databases", query: ListQuery.includes(include))
    }

    public func serverDatabase(server: Int, id: Int, include: [String] = []) async throws -> ServerDatabase {
        try await item(.get, "\(Self.serversPath)/\(server)/databases/\(id)", query: ListQuery.includes(include))
    }

    public func createServerDatabase(server: Int, _ database: NewServerDatabase) async throws -> ServerDatabase {
        try await item(.post, "\(Self.serversPath)/\(server)/databases", body: database)
    }

    public func resetServerDatabasePassword(server: Int, id: Int) async throws {
        try await perform(.post, "\(Self.serversPath)/\(server)/databases/\(id)/reset-password")
    }

    public func deleteServerDatabase(server: Int, id: Int) async throws {
        try await perform(.delete, "\(Self.serversPath)/\(server)/databases/\(id)")
    }
}
