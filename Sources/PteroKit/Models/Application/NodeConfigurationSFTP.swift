/// The SFTP port of the daemon.
public struct NodeConfigurationSFTP: Codable, Sendable, Equatable {
    public var bindPort: Int

    enum CodingKeys: String, CodingKey {
        case bindPort = "bind_port"
    }
}
