/// A machine running the daemon; capacity and overallocation decide deployability.
struct Node: Sendable {
    var id: Int
    var uuid: String
    var isPublic: Bool
    var name: String
    var description: String?
    var locationId: Int
    var fqdn: String
    var scheme: String
    var behindProxy: Bool
    var maintenanceMode: Bool
    var memory: Int
    var memoryOverallocate: Int
    var disk: Int
    var diskOverallocate: Int
    var uploadSize: Int
    var daemonListen: Int
    var daemonSftp: Int
    var daemonBase: String
    var daemonTokenId: String
    var daemonToken: String
    var createdAt: Int
    var updatedAt: Int
}
