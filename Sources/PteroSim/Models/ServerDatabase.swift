/// A database of a server; the client API names it by `hashid`, the application API by id.
struct ServerDatabase: Sendable {
    var id: Int
    var hashid: String
    var serverId: Int
    var hostId: Int
    var database: String
    var username: String
    var remote: String
    var password: String
    var maxConnections: Int?
    var createdAt: Int
    var updatedAt: Int
}
