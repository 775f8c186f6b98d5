/// Another panel user as the client API shows them (activity actors).
public struct ClientUser: Codable, Sendable, Equatable {
    public var uuid: String
    public var username: String
    public var email: String
    /// A gravatar URL.
    public var image: String
    public var twoFactorEnabled: Bool
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case uuid
        case username
        case email
        case image
        case twoFactorEnabled = "2fa_enabled"
        case createdAt = "created_at"
    }
}
