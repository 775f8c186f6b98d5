/// A daemon machine (`node`).
public struct Node: Codable, Sendable, Equatable {
    public var id: Int
    public var uuid: String
    public var isPublic: Bool
    public var name: String
    public var description: String?
    public var locationId: Int
    public var fqdn: String
    public var scheme: String
    public var behindProxy: Bool
    public var maintenanceMode: Bool
    public var memory: Int
    /// Percent; -1 disables the check.
    public var memoryOverallocate: Int
    public var disk: Int
    public var diskOverallocate: Int
    public var uploadSize: Int
    public var daemonListen: Int
    public var daemonSftp: Int
    public var daemonBase: String
    public var createdAt: String
    public var updatedAt: String
    public var allocatedResources: NodeAllocatedResources
    public var relationships: NodeRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case uuid
        case isPublic = "public"
        case name
        case description
        case locationId = "location_id"
        case fqdn
        case scheme
        case behindProxy = "behind_proxy"
        case maintenanceMode = "maintenance_mode"
        case memory
        case memoryOverallocate = "memory_overallocate"
        case disk
        case diskOverallocate = "disk_overallocate"
        case uploadSize = "upload_size"
        case daemonListen = "daemon_listen"
        case daemonSftp = "daemon_sftp"
        case daemonBase = "daemon_base"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case allocatedResources = "allocated_resources"
        case relationships
    }
}
