/// Lets the panel choose a node and allocation for a new server.
public struct ServerDeployment: Encodable, Sendable, Equatable {
    public var locations: [Int]
    public var dedicatedIp: Bool
    public var portRange: [String]

    public init(locations: [Int], dedicatedIp: Bool, portRange: [String]) {
        self.locations = locations
        self.dedicatedIp = dedicatedIp
        self.portRange = portRange
    }

    enum CodingKeys: String, CodingKey {
        case locations
        case dedicatedIp = "dedicated_ip"
        case portRange = "port_range"
    }
}
