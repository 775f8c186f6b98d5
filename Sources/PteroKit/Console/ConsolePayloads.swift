import Foundation

/// A `stats` event's payload (wings server/resources.go ResourceUsage,
/// environment/stats.go Stats). Every number is checked: a negative or
/// non-finite one makes the event `.other`, never a wrong figure.
public struct ConsoleStats: Sendable, Equatable {
    public var memoryBytes: Int
    public var memoryLimitBytes: Int
    public var cpuAbsolute: Double
    public var networkReceivedBytes: Int
    public var networkSentBytes: Int
    /// Milliseconds the process has been up.
    public var uptime: Int
    public var state: String
    public var diskBytes: Int

    public init(memoryBytes: Int, memoryLimitBytes: Int, cpuAbsolute: Double, networkReceivedBytes: Int, networkSentBytes: Int,
                uptime: Int, state: String, diskBytes: Int) {
        self.memoryBytes = memoryBytes
        self.memoryLimitBytes = memoryLimitBytes
        self.cpuAbsolute = cpuAbsolute
        self.networkReceivedBytes = networkReceivedBytes
        self.networkSentBytes = networkSentBytes
        self.uptime = uptime
        self.state = state
        self.diskBytes = diskBytes
    }

    /// Reads the JSON string of `args[0]`; nil when it is not a stats object in range.
    init?(json: String) {
        guard let decoded = try? JSONDecoder().decode(Wire.self, from: Data(json.utf8)) else { return nil }
        let counts = [decoded.memory_bytes, decoded.memory_limit_bytes, decoded.network?.rx_bytes ?? 0, decoded.network?.tx_bytes ?? 0,
                      decoded.uptime ?? 0, decoded.disk_bytes ?? 0]
        guard counts.allSatisfy({ $0 >= 0 }), decoded.cpu_absolute.isFinite, decoded.cpu_absolute >= 0 else { return nil }
        self.init(memoryBytes: decoded.memory_bytes, memoryLimitBytes: decoded.memory_limit_bytes, cpuAbsolute: decoded.cpu_absolute,
                  networkReceivedBytes: decoded.network?.rx_bytes ?? 0, networkSentBytes: decoded.network?.tx_bytes ?? 0,
                  uptime: decoded.uptime ?? 0, state: decoded.state ?? "", diskBytes: decoded.disk_bytes ?? 0)
    }

    /// The payload as Wings writes it (field names are Go's json tags).
    private struct Wire: Decodable {
        struct Network: Decodable {
            var rx_bytes: Int
            var tx_bytes: Int
        }
        var memory_bytes: Int
        var memory_limit_bytes: Int
        var cpu_absolute: Double
        var network: Network?
        var uptime: Int?
        var state: String?
        var disk_bytes: Int?
    }
}

/// A `backup completed` event's payload (wings server/backup.go Backup).
public struct BackupCompletion: Sendable, Equatable {
    public var uuid: String
    public var isSuccessful: Bool
    public var checksum: String
    public var checksumType: String
    public var fileSize: Int

    /// Reads the JSON string of `args[0]`; the uuid from the payload, else the
    /// event name's `backup completed:<uuid>`. nil when it is not a backup payload.
    init?(json: String, uuidInName: String?) {
        guard let decoded = try? JSONDecoder().decode(Wire.self, from: Data(json.utf8)),
              let uuid = decoded.uuid ?? uuidInName, (decoded.file_size ?? 0) >= 0 else { return nil }
        self.uuid = uuid
        isSuccessful = decoded.is_successful
        checksum = decoded.checksum ?? ""
        checksumType = decoded.checksum_type ?? ""
        fileSize = decoded.file_size ?? 0
    }

    private struct Wire: Decodable {
        var uuid: String?
        var is_successful: Bool
        var checksum: String?
        var checksum_type: String?
        var file_size: Int?
    }
}
