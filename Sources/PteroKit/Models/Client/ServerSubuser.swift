/// A subuser of a server with their permissions (`server_subuser`).
public struct ServerSubuser: Codable, Sendable, Equatable {
    public var uuid: String
    public var username: String
    public var email: String
    public var image: String
    public var twoFactorEnabled: Bool
    public var createdAt: String
    public var permissions: [String]

    enum CodingKeys: String, CodingKey {
        case uuid
        case username
        case email
        case image
        case twoFactorEnabled = "2fa_enabled"
        case createdAt = "created_at"
        case permissions
    }
}
