/// The caller's own account (`GET /api/client/account`). Pelican's has no
/// id and no names (its Api/Client/UserTransformer.php: uuid, username, email,
/// language, image, admin, root_admin, 2fa_enabled and the timestamps), so
/// those three are nil there.
public struct Account: Codable, Sendable, Equatable {
    public var id: Int?
    public var admin: Bool
    public var username: String
    public var email: String
    public var firstName: String?
    public var lastName: String?
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
