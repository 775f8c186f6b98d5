/// The resource limits of a server (`limits`), the same on both APIs.
public struct ServerLimits: Codable, Sendable, Equatable {
    /// MiB.
    public var memory: Int
    public var swap: Int
    public var disk: Int
    public var io: Int
    /// Percent of one core.
    public var cpu: Int
    public var threads: String?
    public var oomDisabled: Bool

    enum CodingKeys: String, CodingKey {
        case memory
        case swap
        case disk
        case io
        case cpu
        case threads
        case oomDisabled = "oom_disabled"
    }
}
