/// Users on the application API.
extension PanelClient {
    static let usersPath = "/api/application/users"

    /// Every user, lazily; filters `email`, `uuid`, `username`, `external_id`; sorts `id`, `uuid`.
    public func listUsers(_ query: ListQuery = ListQuery()) -> Pages<User> {
        pages(Self.usersPath, query: query.queryItems, perPage: query.perPage)
    }

    public func user(id: Int, include: [String] = []) async throws -> User {
        try await item(.get, "\(Self.usersPath)/\(id)", query: ListQuery.includes(include))
    }

    public func user(externalId: String, include: [String] = []) async throws -> User {
        try await item(.get, "\(Self.usersPath)/external/\(segment(externalId))", query: ListQuery.includes(include))
    }

    public func createUser(_ user: UserDetails) async throws -> User {
        try await item(.post, Self.usersPath, body: user)
    }

    /// Sends `user` as the whole new state: the panel's PATCH is not partial.
    /// Prefer `updateUser(id:changes:)`.
    public func replaceUser(id: Int, with user: UserDetails) async throws -> User {
        try await item(.patch, "\(Self.usersPath)/\(id)", body: user)
    }

    /// Changes only the given fields: reads the user, merges, sends it whole.
    public func updateUser(id: Int, changes: UserChanges) async throws -> User {
        let current = try await user(id: id)
        let merged = UserDetails(
            email: changes.email ?? current.email, username: changes.username ?? current.username,
            firstName: changes.firstName ?? current.firstName, lastName: changes.lastName ?? current.lastName,
            externalId: changes.externalId ?? current.externalId, password: changes.password,
            rootAdmin: changes.rootAdmin ?? current.rootAdmin, language: changes.language ?? current.language)
        return try await replaceUser(id: id, with: merged)
    }

    public func deleteUser(id: Int) async throws {
        try await perform(.delete, "\(Self.usersPath)/\(id)")
    }
}
