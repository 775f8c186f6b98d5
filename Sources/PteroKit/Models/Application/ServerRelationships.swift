/// What `?include=` can add to an application `server`.
public struct ServerRelationships: Codable, Sendable, Equatable {
    public var allocations: RelatedList<Allocation>?
    public var user: RelatedItem<User>?
    public var subusers: RelatedList<Subuser>?
    public var nest: RelatedItem<Nest>?
    public var egg: RelatedItem<Egg>?
    public var variables: RelatedList<ServerVariable>?
    public var location: RelatedItem<Location>?
    public var node: RelatedItem<Node>?
    public var databases: RelatedList<ServerDatabase>?

    enum CodingKeys: String, CodingKey {
        case allocations
        case user
        case subusers
        case nest
        case egg
        case variables
        case location
        case node
        case databases
    }
}
