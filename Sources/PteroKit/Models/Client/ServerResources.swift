/// Resource use of a running server.
public struct ServerResources: Codable, Sendable, Equatable {
    public var memoryBytes: Int
    /// Percent, may be fractional.
    public var cpuAbsolute: Double
    public var diskBytes: Int
    public var networkRxBytes: Int
    public var networkTxBytes: Int
    /// Milliseconds.
    public var uptime: Int

    enum CodingKeys: String, CodingKey {
        case memoryBytes = "memory_bytes"
        case cpuAbsolute = "cpu_absolute"
        case diskBytes = "disk_bytes"
        case networkRxBytes = "network_rx_bytes"
        case networkTxBytes = "network_tx_bytes"
        case uptime
    }
}
