/// A server as the client API shows it (`server`).
public struct ClientServer: Codable, Sendable, Equatable {
    /// Whether the caller owns it.
    public var serverOwner: Bool
    public var identifier: String
    public var internalId: Int
    public var uuid: String
    public var name: String
    /// The node's name, not its id.
    public var node: String
    public var isNodeUnderMaintenance: Bool
    public var sftpDetails: SFTPDetails
    public var description: String
    public var limits: ServerLimits
    public var invocation: String
    public var dockerImage: String
    public var eggFeatures: [String]?
    public var featureLimits: ServerFeatureLimits
    public var status: String?
    public var isSuspended: Bool
    public var isInstalling: Bool
    public var isTransferring: Bool
    public var relationships: ClientServerRelationships?

    enum CodingKeys: String, CodingKey {
        case serverOwner = "server_owner"
        case identifier
        case internalId = "internal_id"
        case uuid
        case name
        case node
        case isNodeUnderMaintenance = "is_node_under_maintenance"
        case sftpDetails = "sftp_details"
        case description
        case limits
        case invocation
        case dockerImage = "docker_image"
        case eggFeatures = "egg_features"
        case featureLimits = "feature_limits"
        case status
        case isSuspended = "is_suspended"
        case isInstalling = "is_installing"
        case isTransferring = "is_transferring"
        case relationships
    }
}
