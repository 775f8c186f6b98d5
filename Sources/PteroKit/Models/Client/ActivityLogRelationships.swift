/// What `?include=actor` adds to an `activity_log`.
public struct ActivityLogRelationships: Codable, Sendable, Equatable {
    /// A null resource for actions not done by a user.
    public var actor: RelatedItem<ClientUser>?

    enum CodingKeys: String, CodingKey {
        case actor
    }
}
