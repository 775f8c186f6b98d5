/// The fields of a user to change; nil leaves a field as it is (see `updateUser(id:changes:)`).
public struct UserChanges: Encodable, Sendable, Equatable {
    public var email: String?
    public var username: String?
    public var firstName: String?
    public var lastName: String?
    public var externalId: String?
    public var password: String?
    public var rootAdmin: Bool?
    public var language: String?

    public init(email: String? = nil, username: String? = nil, firstName: String? = nil, lastName: String? = nil, externalId: String? = nil, password: String? = nil, rootAdmin: Bool? = nil, language: String? = nil) {
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
