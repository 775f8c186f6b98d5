/// Subusers of a server on the client API; a subuser is named by their user uuid.
extension PanelClient {
    public func subusers(server: String) async throws -> [ServerSubuser] {
        try await list("server.subusers.list", server)
    }

    /// Adds `email` (creating a panel user when unknown) with `permissions`.
    public func createSubuser(server: String, email: String, permissions: [String]) async throws -> ServerSubuser {
        struct Body: Encodable, Sendable { var email: String; var permissions: [String] }
        return try await item("server.subusers.create", server, body: Body(email: email, permissions: permissions))
    }

    public func subuser(server: String, uuid: String) async throws -> ServerSubuser {
        try await item("server.subusers.view", server, uuid)
    }

    /// Replaces the subuser's permissions.
    public func updateSubuser(server: String, uuid: String, permissions: [String]) async throws -> ServerSubuser {
        try await item("server.subusers.update", server, uuid, body: ["permissions": permissions])
    }

    public func deleteSubuser(server: String, uuid: String) async throws {
        try await perform("server.subusers.delete", server, uuid)
    }
}
