/// Every subuser permission the panel knows (`system_permissions`), by group. Pterodactyl
/// 1.x answers the groups with descriptions; Pelican answers one flat list of full keys
/// (pelican-dev/panel app/Http/Controllers/Api/Client/ClientController.php `permissions`,
/// `Subuser::allPermissionKeys()`), read here into groups by the part before the first dot,
/// with empty descriptions.
public struct SystemPermissions: Codable, Sendable, Equatable {
    public var permissions: [String: PermissionGroup]

    enum CodingKeys: String, CodingKey {
        case permissions
    }

    public init(permissions: [String: PermissionGroup]) {
        self.permissions = permissions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let keys = try? container.decode([String].self, forKey: .permissions) {
            permissions = Self.grouped(keys)
        } else {
            permissions = try container.decode([String: PermissionGroup].self, forKey: .permissions)
        }
    }

    /// Every permission's full name (`control.start`), sorted.
    public var keys: [String] {
        permissions.flatMap { group, value in value.keys.keys.map { group + "." + $0 } }.sorted()
    }

    /// `file.read-content` is the key `read-content` of the group `file`.
    static func grouped(_ keys: [String]) -> [String: PermissionGroup] {
        var groups: [String: PermissionGroup] = [:]
        for key in keys {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            groups[parts[0], default: PermissionGroup(description: "", keys: [:])].keys[parts[1]] = ""
        }
        return groups
    }
}
