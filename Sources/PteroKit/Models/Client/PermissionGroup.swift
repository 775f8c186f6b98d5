/// One group of subuser permissions, e.g. `control`.
public struct PermissionGroup: Codable, Sendable, Equatable {
    public var description: String
    /// Key to description; the full name is `group.key`.
    public var keys: [String: String]

    enum CodingKeys: String, CodingKey {
        case description
        case keys
    }
}
