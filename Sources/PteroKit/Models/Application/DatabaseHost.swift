/// A MySQL host the panel creates databases on (`database_host`).
public struct DatabaseHost: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var host: String
    public var port: Int
    public var username: String
    public var node: Int?
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case host
        case port
        case username
        case node
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
