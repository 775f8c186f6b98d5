/// Subusers of a server on the client API; a subuser is named by their user uuid.
extension PanelClient {
    func subusersPath(_ server: String) -> String { "\(Self.serverPath(server))/users" }

    public func subusers(server: String) async throws -> [ServerSubuser] {
        try await list(subusersPath(server))
    }

    /// Adds `email` (creating a panel user when unknown) with `permissions`.
    public func createSubuser(server: String, email: String, permissions: [String]) async throws -> ServerSubuser {
        struct Body: Encodable, Sendable { var email: String; var permissions: [String] }
        return try await item(.post, subusersPath(server), body: Body(email: email, permissions: permissions))
    }

    public func subuser(server: String, uuid: String) async throws -> ServerSubuser {
        try await item(.get, "\(subusersPath(server))/\(segment(uuid))")
    }

    /// Replaces the subuser's permissions.
    public func updateSubuser(server: String, uuid: String, permissions: [String]) async throws -> ServerSubuser {
        try await item(.post, "\(subusersPath(server))/\(segment(uuid))", body: ["permissions": permissions])
    }

    public func deleteSubuser(server: String, uuid: String) async throws {
        try await perform(.delete, "\(subusersPath(server))/\(segment(uuid))")
    }
}
