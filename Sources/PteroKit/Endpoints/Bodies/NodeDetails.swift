/// Everything the panel needs to create a node, or to replace one with PATCH.
public struct NodeDetails: Encodable, Sendable, Equatable {
    public var name: String
    public var locationId: Int
    public var fqdn: String
    public var scheme: String
    public var memory: Int
    public var memoryOverallocate: Int
    public var disk: Int
    public var diskOverallocate: Int
    public var daemonListen: Int
    public var daemonSftp: Int
    /// nil on PATCH resets it to the default path: send it.
    public var daemonBase: String?
    public var uploadSize: Int?
    public var isPublic: Bool?
    public var behindProxy: Bool?
    public var maintenanceMode: Bool?
    /// PATCH only: regenerate the daemon token.
    public var resetSecret: Bool?

    public init(name: String, locationId: Int, fqdn: String, scheme: String, memory: Int, memoryOverallocate: Int, disk: Int, diskOverallocate: Int, daemonListen: Int, daemonSftp: Int, daemonBase: String? = nil, uploadSize: Int? = nil, isPublic: Bool? = nil, behindProxy: Bool? = nil, maintenanceMode: Bool? = nil, resetSecret: Bool? = nil) {
        self.name = name
        self.locationId = locationId
        self.fqdn = fqdn
        self.scheme = scheme
        self.memory = memory
        self.memoryOverallocate = memoryOverallocate
        self.disk = disk
        self.diskOverallocate = diskOverallocate
        self.daemonListen = daemonListen
        self.daemonSftp = daemonSftp
        self.daemonBase = daemonBase
        self.uploadSize = uploadSize
        self.isPublic = isPublic
        self.behindProxy = behindProxy
        self.maintenanceMode = maintenanceMode
        self.resetSecret = resetSecret
    }

    enum CodingKeys: String, CodingKey {
        case name
        case locationId = "location_id"
        case fqdn
        case scheme
        case memory
        case memoryOverallocate = "memory_overallocate"
        case disk
        case diskOverallocate = "disk_overallocate"
        case daemonListen = "daemon_listen"
        case daemonSftp = "daemon_sftp"
        case daemonBase = "daemon_base"
        case uploadSize = "upload_size"
        case isPublic = "public"
        case behindProxy = "behind_proxy"
        case maintenanceMode = "maintenance_mode"
        case resetSecret = "reset_secret"
    }
}

extension NodeDetails {
    /// The node as it is, to change and send back whole (its `daemon_base` included).
    public init(_ node: Node) {
        self.init(name: node.name, locationId: node.locationId, fqdn: node.fqdn, scheme: node.scheme, memory: node.memory,
                  memoryOverallocate: node.memoryOverallocate, disk: node.disk, diskOverallocate: node.diskOverallocate,
                  daemonListen: node.daemonListen, daemonSftp: node.daemonSftp, daemonBase: node.daemonBase,
                  uploadSize: node.uploadSize, isPublic: node.isPublic, behindProxy: node.behindProxy,
                  maintenanceMode: node.maintenanceMode)
    }
}
