/// An ip:port on a node; `serverId` set means it is assigned.
struct Allocation: Sendable {
    var id: Int
    var nodeId: Int
    var ip: String
    var alias: String?
    var port: Int
    var serverId: Int?
    var notes: String?
}
