/// A panel user as the application API shows it (`user`).
public struct User: Codable, Sendable, Equatable {
    public var id: Int
    public var externalId: String?
    public var uuid: String
    /// Stored lower-case by the panel.
    public var username: String
    public var email: String
    public var firstName: String
    public var lastName: String
    public var language: String
    public var rootAdmin: Bool
    public var twoFactorEnabled: Bool
    public var createdAt: String
    public var updatedAt: String
    /// Present only when something was included.
    public var relationships: UserRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case externalId = "external_id"
        case uuid
        case username
        case email
        case firstName = "first_name"
        case lastName = "last_name"
        case language
        case rootAdmin = "root_admin"
        case twoFactorEnabled = "2fa"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case relationships
    }
}
