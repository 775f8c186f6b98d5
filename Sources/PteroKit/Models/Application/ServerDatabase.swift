/// A database of a server (`server_database`, application API).
public struct ServerDatabase: Codable, Sendable, Equatable {
    public var id: Int
    public var server: Int
    /// The database host's id.
    public var host: Int
    public var database: String
    public var username: String
    public var remote: String
    public var maxConnections: Int?
    public var createdAt: String
    public var updatedAt: String
    public var relationships: ServerDatabaseRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case server
        case host
        case database
        case username
        case remote
        case maxConnections = "max_connections"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case relationships
    }
}
