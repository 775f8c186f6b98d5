/// A group of nodes (`location`).
public struct Location: Codable, Sendable, Equatable {
    public var id: Int
    public var short: String
    public var long: String?
    public var updatedAt: String
    public var createdAt: String
    public var relationships: LocationRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case short
        case long
        case updatedAt = "updated_at"
        case createdAt = "created_at"
        case relationships
    }
}
