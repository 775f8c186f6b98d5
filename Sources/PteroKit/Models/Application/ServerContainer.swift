/// How the daemon runs a server (`container`).
public struct ServerContainer: Codable, Sendable, Equatable {
    public var startupCommand: String
    public var image: String
    /// 0 or 1 (deprecated by the panel; `status` says more).
    public var installed: Int
    /// Values are mostly strings, but the panel adds some as numbers (`P_SERVER_ALLOCATION_LIMIT`).
    public var environment: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case startupCommand = "startup_command"
        case image
        case installed
        case environment
    }
}
