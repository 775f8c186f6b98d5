/// What `?include=` can add to a `node`.
public struct NodeRelationships: Codable, Sendable, Equatable {
    public var allocations: RelatedList<Allocation>?
    public var location: RelatedItem<Location>?
    public var servers: RelatedList<Server>?

    enum CodingKeys: String, CodingKey {
        case allocations
        case location
        case servers
    }
}
