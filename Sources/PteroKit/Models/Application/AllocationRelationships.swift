/// What `?include=` can add to an application `allocation`.
public struct AllocationRelationships: Codable, Sendable, Equatable {
    public var node: RelatedItem<Node>?
    /// A null resource when the allocation is free.
    public var server: RelatedItem<Server>?

    enum CodingKeys: String, CodingKey {
        case node
        case server
    }
}
