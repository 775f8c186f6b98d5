/// What `?include=` can add to an `egg`.
public struct EggRelationships: Codable, Sendable, Equatable {
    public var nest: RelatedItem<Nest>?
    public var servers: RelatedList<Server>?
    public var variables: RelatedList<EggVariable>?
    /// The parent config when the egg inherits one.
    public var config: RelatedItem<EggConfig>?
    public var script: RelatedItem<EggScript>?

    enum CodingKeys: String, CodingKey {
        case nest
        case servers
        case variables
        case config
        case script
    }
}
