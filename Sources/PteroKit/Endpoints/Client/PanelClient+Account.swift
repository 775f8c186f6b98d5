/// The caller's own account on the client API.
extension PanelClient {
    public func account() async throws -> Account {
        try await item("account.view")
    }

    /// Starts enabling two-factor: the secret to show an authenticator.
    public func twoFactorSetup() async throws -> TwoFactorSetup {
        try await send(request("account.two_factor.setup", []), as: DataEnvelope<TwoFactorSetup>.self).data
    }

    /// Finishes enabling two-factor with a code from the authenticator.
    public func enableTwoFactor(code: String, password: String) async throws -> RecoveryTokens {
        try await item("account.two_factor.enable", body: ["code": code, "password": password])
    }

    public func disableTwoFactor(password: String) async throws {
        try await perform("account.two_factor.disable", body: ["password": password])
    }

    public func updateEmail(_ email: String, password: String) async throws {
        try await perform("account.update_email", body: ["email": email, "password": password])
    }

    public func updatePassword(current: String, new password: String) async throws {
        try await perform("account.update_password", body: [
            "current_password": current, "password": password, "password_confirmation": password,
        ])
    }

    /// What the account did, lazily (newest last unless sorted `-timestamp`);
    /// filter `event`; include `actor`.
    public func accountActivity(_ query: ListQuery = ListQuery()) -> Pages<ActivityLog> {
        pages("account.activity", query: query.queryItems, perPage: query.perPage)
    }
}
