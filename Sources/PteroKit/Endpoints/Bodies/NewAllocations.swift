/// Ports to add to a node (`POST /nodes/{node}/allocations`).
public struct NewAllocations: Encodable, Sendable, Equatable {
    /// An IP, a CIDR block (/25 to /32) or a hostname.
    public var ip: String
    /// Each `"25565"` or a range `"25565-25570"`.
    public var ports: [String]
    public var alias: String?

    public init(ip: String, ports: [String], alias: String? = nil) {
        self.ip = ip
        self.ports = ports
        self.alias = alias
    }

    enum CodingKeys: String, CodingKey {
        case ip
        case ports
        case alias
    }
}
