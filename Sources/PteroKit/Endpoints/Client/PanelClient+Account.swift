/// The caller's own account on the client API.
extension PanelClient {
    static let accountPath = "/api/client/account"

    public func account() async throws -> Account {
        try await item(.get, Self.accountPath)
    }

    /// Starts enabling two-factor: the secret to show an authenticator.
    public func twoFactorSetup() async throws -> TwoFactorSetup {
        try await send(request(.get, "\(Self.accountPath)/two-factor"), as: DataEnvelope<TwoFactorSetup>.self).data
    }

    /// Finishes enabling two-factor with a code from the authenticator.
    public func enableTwoFactor(code: String, password: String) async throws -> RecoveryTokens {
        try await item(.post, "\(Self.accountPath)/two-factor", body: ["code": code, "password": password])
    }

    public func disableTwoFactor(password: String) async throws {
        try await perform(.post, "\(Self.accountPath)/two-factor/disable", body: ["password": password])
    }

    public func updateEmail(_ email: String, password: String) async throws {
        try await perform(.put, "\(Self.accountPath)/email", body: ["email": email, "password": password])
    }

    public func updatePassword(current: String, new password: String) async throws {
        try await perform(.put, "\(Self.accountPath)/password", body: [
            "current_password": current, "password": password, "password_confirmation": password,
        ])
    }

    /// What the account did, lazily (newest last unless sorted `-timestamp`);
    /// filter `event`; include `actor`.
    public func accountActivity(_ query: ListQuery = ListQuery()) -> Pages<ActivityLog> {
        pages("\(Self.accountPath)/activity", query: query.queryItems, perPage: query.perPage)
    }
}
