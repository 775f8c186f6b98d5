/// Where the daemon listens (`api` of the node configuration).
public struct NodeConfigurationAPI: Codable, Sendable, Equatable {
    public var host: String
    public var port: Int
    public var ssl: NodeConfigurationSSL
    public var uploadLimit: Int

    enum CodingKeys: String, CodingKey {
        case host
        case port
        case ssl
        case uploadLimit = "upload_limit"
    }
}
