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
    /// Pelican only (it has no locations): the labels deployment picks nodes by; seeded as the
    /// location's short code, as `2024_03_14_055537_remove_locations_table.php` migrated them.
    var tags: [String] = []
    /// Pelican only: CPU capacity in percent (0 is unlimited) and its overallocation.
    var cpu = 0
    var cpuOverallocate = 0
    /// Pelican only: the port the panel connects to (`daemon_connect`; 1.x: `daemon_listen`).
    var daemonConnect: Int?
    /// Pelican only: the SFTP host name shown to users instead of the FQDN.
    var daemonSftpAlias: String?
}
