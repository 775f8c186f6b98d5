import Foundation

/// Databases of a server on the client API (ids are hashids).
extension PanelClient {
    /// With `includePassword`, each has a `password` relationship (a null
    /// resource without `database.view_password`).
    public func clientDatabases(server: String, includePassword: Bool = false) async throws -> [ClientDatabase] {
        try await list("server.databases.list", server, query: ListQuery.includes(includePassword ? ["password"] : []))
    }

    /// Creates a database on a host the panel picks; the answer has the password.
    public func createClientDatabase(server: String, database: String, remote: String) async throws -> ClientDatabase {
        try await item("server.databases.create", server, body: ["database": database, "remote": remote])
    }

    public func rotateDatabasePassword(server: String, id: String) async throws -> ClientDatabase {
        try await item("server.databases.rotate_password", server, id)
    }

    public func deleteClientDatabase(server: String, id: String) async throws {
        try await perform("server.databases.delete", server, id)
    }
}
