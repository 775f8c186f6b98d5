/// What `?include=` can add to a `location`.
public struct LocationRelationships: Codable, Sendable, Equatable {
    public var nodes: RelatedList<Node>?
    public var servers: RelatedList<Server>?

    enum CodingKeys: String, CodingKey {
        case nodes
        case servers
    }
}
