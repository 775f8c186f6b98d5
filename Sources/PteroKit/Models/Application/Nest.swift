/// A family of eggs (`nest`).
public struct Nest: Codable, Sendable, Equatable {
    public var id: Int
    public var uuid: String
    public var author: String
    public var name: String
    public var description: String?
    public var createdAt: String
    public var updatedAt: String
    public var relationships: NestRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case uuid
        case author
        case name
        case description
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case relationships
    }
}
