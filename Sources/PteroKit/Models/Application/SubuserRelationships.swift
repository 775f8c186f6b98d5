/// What `?include=` can add to an application `subuser`.
public struct SubuserRelationships: Codable, Sendable, Equatable {
    public var user: RelatedItem<User>?
    public var server: RelatedItem<Server>?

    enum CodingKeys: String, CodingKey {
        case user
        case server
    }
}
