/// Where the daemon keeps server files and serves SFTP.
public struct NodeConfigurationSystem: Codable, Sendable, Equatable {
    public var data: String
    public var sftp: NodeConfigurationSFTP

    enum CodingKeys: String, CodingKey {
        case data
        case sftp
    }
}
