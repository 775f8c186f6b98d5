/// How the daemon runs a server (`container`).
public struct ServerContainer: Codable, Sendable, Equatable {
    public var startupCommand: String
    public var image: String
    /// 0 or 1 (deprecated by the panel; `status` says more).
    public var installed: Int
    public var environment: [String: String]

    enum CodingKeys: String, CodingKey {
        case startupCommand = "startup_command"
        case image
        case installed
        case environment
    }
}
