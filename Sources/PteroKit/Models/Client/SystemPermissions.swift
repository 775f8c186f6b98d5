/// Every subuser permission the panel knows (`system_permissions`).
public struct SystemPermissions: Codable, Sendable, Equatable {
    public var permissions: [String: PermissionGroup]

    enum CodingKeys: String, CodingKey {
        case permissions
    }
}
