/// TLS settings of the daemon.
public struct NodeConfigurationSSL: Codable, Sendable, Equatable {
    public var enabled: Bool
    public var cert: String
    public var key: String

    enum CodingKeys: String, CodingKey {
        case enabled
        case cert
        case key
    }
}
