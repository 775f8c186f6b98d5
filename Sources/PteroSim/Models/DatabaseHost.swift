/// A MySQL host that server databases live on.
struct DatabaseHost: Sendable {
    var id: Int
    var name: String
    var host: String
    var port: Int
    var username: String
    var nodeId: Int?
    var createdAt: Int
    var updatedAt: Int
    /// Pelican only: a host serves any number of nodes (`node_ids`, the database_host_node table).
    var nodeIds: [Int] = []
}
