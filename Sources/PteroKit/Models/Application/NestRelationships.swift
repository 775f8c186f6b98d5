/// What `?include=` can add to a `nest`.
public struct NestRelationships: Codable, Sendable, Equatable {
    public var eggs: RelatedList<Egg>?
    public var servers: RelatedList<Server>?

    enum CodingKeys: String, CodingKey {
        case eggs
        case servers
    }
}
