/// How the caller relates to the server in the path: owner, root admin or subuser;
/// decides every client permission check.
struct ServerAccess: Sendable {
    let serverId: Int
    let isOwner: Bool
    let isAdmin: Bool
    /// The subuser's permission list; empty for owners and admins (who hold all).
    let subuserPermissions: [String]

    var hasAllPermissions: Bool { isOwner || isAdmin }

    func can(_ permission: String) -> Bool {
        hasAllPermissions || subuserPermissions.contains(permission)
    }

    /// Fails with the panel's generic 403 unless the caller holds `permission`.
    func require(_ permission: String) throws {
        guard can(permission) else { throw PanelError.unauthorized }
    }

    /// The `user_permissions` the client server meta and websocket token carry.
    var userPermissions: [String] {
        if isOwner { return ["*"] }
        if isAdmin { return ["*", "admin.websocket.errors", "admin.websocket.install", "admin.websocket.transfer"] }
        return subuserPermissions
    }
}
