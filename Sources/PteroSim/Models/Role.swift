/// A Pelican admin role (spatie/laravel-permission); `Root Admin` is the one that makes a
/// user root (`app/Models/Role.php`: `ROOT_ADMIN`), and can be neither renamed nor deleted.
struct Role: Sendable {
    static let rootAdminName = "Root Admin"

    var id: Int
    var name: String
    var createdAt: Int
    var updatedAt: Int

    var isRootAdmin: Bool { name == Self.rootAdminName }
}
