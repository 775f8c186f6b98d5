/// The daemon's configuration file for a node (raw JSON, not an envelope).
public struct NodeConfiguration: Codable, Sendable, Equatable {
    public var debug: Bool
    public var uuid: String
    public var tokenId: String
    /// The node secret.
    public var token: String
    public var api: NodeConfigurationAPI
    public var system: NodeConfigurationSystem
    public var allowedMounts: [String]
    /// The panel URL.
    public var remote: String

    enum CodingKeys: String, CodingKey {
        case debug
        case uuid
        case tokenId = "token_id"
        case token
        case api
        case system
        case allowedMounts = "allowed_mounts"
        case remote
    }
}
