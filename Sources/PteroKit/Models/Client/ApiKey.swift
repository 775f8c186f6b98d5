/// A client API key of the account (`api_key`); the secret is never listed.
public struct ApiKey: Codable, Sendable, Equatable {
    public var identifier: String
    public var description: String
    public var allowedIps: [String]
    public var lastUsedAt: String?
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case identifier
        case description
        case allowedIps = "allowed_ips"
        case lastUsedAt = "last_used_at"
        case createdAt = "created_at"
    }
}
