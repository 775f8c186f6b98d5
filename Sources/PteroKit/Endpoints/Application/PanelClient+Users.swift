/// Users on the application API.
extension PanelClient {
    /// Every user, lazily; filters `email`, `uuid`, `username`, `external_id`; sorts `id`, `uuid`.
    public func listUsers(_ query: ListQuery = ListQuery()) -> Pages<User> {
        pages("users.list", query: query.queryItems, perPage: query.perPage)
    }

    public func user(id: Int, include: [String] = []) async throws -> User {
        try await item("users.view", id, query: ListQuery.includes(include))
    }

    public func user(externalId: String, include: [String] = []) async throws -> User {
        try await item("users.view_external", externalId, query: ListQuery.includes(include))
    }

    public func createUser(_ user: UserDetails) async throws -> User {
        try await item("users.create", body: user)
    }

    /// Sends `user` as the whole new state: the panel's PATCH is not partial.
    /// Prefer `updateUser(id:_:)`.
    public func replaceUser(id: Int, with user: UserDetails) async throws -> User {
        try await item("users.update", id, body: user)
    }

    /// Changes only what `change` sets: reads the user, applies it, sends it whole.
    /// `updateUser(id: 4) { $0.firstName = "Ann" }`
    public func updateUser(id: Int, _ change: (inout UserDetails) -> Void) async throws -> User {
        var details = UserDetails(try await user(id: id))
        change(&details)
        return try await replaceUser(id: id, with: details)
    }

    public func deleteUser(id: Int) async throws {
        try await perform("users.delete", id)
    }
}
