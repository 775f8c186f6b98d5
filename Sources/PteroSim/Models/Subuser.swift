/// A user granted a permission list on someone else's server.
struct Subuser: Sendable {
    var id: Int
    var userId: Int
    var serverId: Int
    var permissions: [String]
    var createdAt: Int
    var updatedAt: Int
}
