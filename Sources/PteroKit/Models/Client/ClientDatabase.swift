/// A database of a server (`server_database`, client API; the id is a hashid).
public struct ClientDatabase: Codable, Sendable, Equatable {
    public var id: String
    public var host: ClientDatabaseHost
    public var name: String
    public var username: String
    public var connectionsFrom: String
    public var maxConnections: Int?
    public var relationships: ClientDatabaseRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case host
        case name
        case username
        case connectionsFrom = "connections_from"
        case maxConnections = "max_connections"
        case relationships
    }
}
