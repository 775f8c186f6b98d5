/// What `?include=` can add to a `server_database`.
public struct ServerDatabaseRelationships: Codable, Sendable, Equatable {
    public var password: RelatedItem<DatabasePassword>?
    public var host: RelatedItem<DatabaseHost>?

    enum CodingKeys: String, CodingKey {
        case password
        case host
    }
}
