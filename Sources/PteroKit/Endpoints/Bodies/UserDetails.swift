/// Everything the panel needs to create a user, or to replace one with PATCH (`POST`/`PATCH /users`).
public struct UserDetails: Encodable, Sendable, Equatable {
    public var email: String
    public var username: String
    public var firstName: String
    public var lastName: String
    public var externalId: String?
    /// nil on create: the panel sets a random one and mails a link; nil on update: kept.
    public var password: String?
    public var rootAdmin: Bool?
    public var language: String?

    public init(email: String, username: String, firstName: String, lastName: String, externalId: String? = nil, password: String? = nil, rootAdmin: Bool? = nil, language: String? = nil) {
        self.email = email
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        self.externalId = externalId
        self.password = password
        self.rootAdmin = rootAdmin
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case email
        case username
        case firstName = "first_name"
        case lastName = "last_name"
        case externalId = "external_id"
        case password
        case rootAdmin = "root_admin"
        case language
    }
}

extension UserDetails {
    /// The user as it is, to change and send back whole; the password stays unset (kept).
    public init(_ user: User) {
        self.init(email: user.email, username: user.username, firstName: user.firstName, lastName: user.lastName,
                  externalId: user.externalId, rootAdmin: user.rootAdmin, language: user.language)
    }
}
