/// The relationships of a client `server`: allocations and variables always, egg and subusers on request.
public struct ClientServerRelationships: Codable, Sendable, Equatable {
    public var allocations: RelatedList<NetworkAllocation>?
    /// A null resource without `startup.read`.
    public var variables: RelatedList<StartupVariable>?
    public var egg: RelatedItem<ClientEgg>?
    public var subusers: RelatedList<ServerSubuser>?

    enum CodingKeys: String, CodingKey {
        case allocations
        case variables
        case egg
        case subusers
    }
}
