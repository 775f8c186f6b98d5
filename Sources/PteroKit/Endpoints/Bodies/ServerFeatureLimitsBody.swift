/// Feature limits as the panel takes them; databases and backups must be sent, null meaning unlimited.
public struct ServerFeatureLimitsBody: Encodable, Sendable, Equatable {
    public var databases: Int?
    public var backups: Int?
    public var allocations: Int?

    public init(databases: Int? = nil, backups: Int? = nil, allocations: Int? = nil) {
        self.databases = databases
        self.backups = backups
        self.allocations = allocations
    }

    enum CodingKeys: String, CodingKey {
        case databases
        case backups
        case allocations
    }

    // The panel requires these keys to be present even when null.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(databases, forKey: .databases)
        try container.encode(backups, forKey: .backups)
        try container.encodeIfPresent(allocations, forKey: .allocations)
    }
}
