/// How many databases, allocations and backups a server may have; nil is unlimited.
public struct ServerFeatureLimits: Codable, Sendable, Equatable {
    public var databases: Int?
    public var allocations: Int?
    public var backups: Int?

    enum CodingKeys: String, CodingKey {
        case databases
        case allocations
        case backups
    }
}
