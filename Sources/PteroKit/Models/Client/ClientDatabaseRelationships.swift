/// The password of a client database, when included and allowed.
public struct ClientDatabaseRelationships: Codable, Sendable, Equatable {
    public var password: RelatedItem<DatabasePassword>?

    enum CodingKeys: String, CodingKey {
        case password
    }
}
