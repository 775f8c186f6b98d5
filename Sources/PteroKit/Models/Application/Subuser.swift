/// A user given access to a server (`subuser`, application API).
public struct Subuser: Codable, Sendable, Equatable {
    public var id: Int
    public var userId: Int
    public var serverId: Int
    public var permissions: [String]
    public var createdAt: String
    public var updatedAt: String
    public var relationships: SubuserRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case userId = "user_id"
        case serverId = "server_id"
        case permissions
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case relationships
    }
}
