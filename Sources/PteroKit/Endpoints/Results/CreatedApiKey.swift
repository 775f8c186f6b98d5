/// A new client API key and its secret, which the panel shows only once.
public struct CreatedApiKey: Sendable, Equatable {
    public var key: ApiKey
    /// The 32-character secret (`meta.secret_token`).
    public var secretToken: String

    /// The usable key: identifier followed by the secret.
    public var token: String { key.identifier + secretToken }
}
