/// The fields of a node to change; nil leaves a field as it is.
public struct NodeChanges: Encodable, Sendable, Equatable {
    public var name: String?
    public var locationId: Int?
    public var fqdn: String?
    public var scheme: String?
    public var memory: Int?
    public var memoryOverallocate: Int?
    public var disk: Int?
    public var diskOverallocate: Int?
    public var daemonListen: Int?
    public var daemonSftp: Int?
    public var daemonBase: String?
    public var uploadSize: Int?
    public var isPublic: Bool?
    public var behindProxy: Bool?
    public var maintenanceMode: Bool?
    public var resetSecret: Bool?

    public init(name: String? = nil, locationId: Int? = nil, fqdn: String? = nil, scheme: String? = nil, memory: Int? = nil, memoryOverallocate: Int? = nil, disk: Int? = nil, diskOverallocate: Int? = nil, daemonListen: Int? = nil, daemonSftp: Int? = nil, daemonBase: String? = nil, uploadSize: Int? = nil, isPublic: Bool? = nil, behindProxy: Bool? = nil, maintenanceMode: Bool? = nil, resetSecret: Bool? = nil) {
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
