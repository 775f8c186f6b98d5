/// A panel account; passwords are kept in clear because the sim only compares them.
struct User: Sendable {
    var id: Int
    var externalId: String?
    var uuid: String
    var username: String
    var email: String
    var firstName: String
    var lastName: String
    var language = "en"
    var rootAdmin: Bool
    var twoFactorEnabled = false
    var pendingTotpSecret: String?
    /// `totp_authenticated_at`: when 2FA was last turned off (app/Http/Controllers/Api/Client/TwoFactorController.php delete).
    var totpAuthenticatedAt: Int?
    var password: String
    var createdAt: Int
    var updatedAt: Int
    /// Pelican only: role ids (`Root Admin` among them makes `rootAdmin`) and the
    /// account's `is_managed_externally` and `timezone` columns.
    var roleIds: [Int] = []
    var isManagedExternally = false
    var timezone = "UTC"
}
