/// The caller's own account (`GET /api/client/account`).
public struct Account: Codable, Sendable, Equatable {
    public var id: Int
    public var admin: Bool
    public var username: String
    public var email: String
    public var firstName: String
    public var lastName: String
    public var language: String

    enum CodingKeys: String, CodingKey {
        case id
        case admin
        case username
        case email
        case firstName = "first_name"
        case lastName = "last_name"
        case language
    }
}
