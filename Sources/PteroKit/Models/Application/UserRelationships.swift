/// What `?include=` can add to an application `user`.
public struct UserRelationships: Codable, Sendable, Equatable {
    public var servers: RelatedList<Server>?

    enum CodingKeys: String, CodingKey {
        case servers
    }
}
