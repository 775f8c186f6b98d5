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
        let counts = [decoded.memoryBytes, decoded.memoryLimitBytes, decoded.network?.receivedBytes ?? 0, decoded.network?.sentBytes ?? 0,
                      decoded.uptime ?? 0, decoded.diskBytes ?? 0]
        guard counts.allSatisfy({ $0 >= 0 }), decoded.cpuAbsolute.isFinite, decoded.cpuAbsolute >= 0 else { return nil }
        self.init(memoryBytes: decoded.memoryBytes, memoryLimitBytes: decoded.memoryLimitBytes, cpuAbsolute: decoded.cpuAbsolute,
                  networkReceivedBytes: decoded.network?.receivedBytes ?? 0, networkSentBytes: decoded.network?.sentBytes ?? 0,
                  uptime: decoded.uptime ?? 0, state: decoded.state ?? "", diskBytes: decoded.diskBytes ?? 0)
    }

    /// The payload as Wings writes it (the keys are Go's json tags).
    private struct Wire: Decodable {
        struct Network: Decodable {
            var receivedBytes: Int
            var sentBytes: Int
            enum CodingKeys: String, CodingKey {
                case receivedBytes = "rx_bytes", sentBytes = "tx_bytes"
            }
        }
        var memoryBytes: Int
        var memoryLimitBytes: Int
        var cpuAbsolute: Double
        var network: Network?
        var uptime: Int?
        var state: String?
        var diskBytes: Int?
        enum CodingKeys: String, CodingKey {
            case memoryBytes = "memory_bytes", memoryLimitBytes = "memory_limit_bytes", cpuAbsolute = "cpu_absolute"
            case network, uptime, state
            case diskBytes = "disk_bytes"
        }
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
              let uuid = decoded.uuid ?? uuidInName, (decoded.fileSize ?? 0) >= 0 else { return nil }
        self.uuid = uuid
        isSuccessful = decoded.isSuccessful
        checksum = decoded.checksum ?? ""
        checksumType = decoded.checksumType ?? ""
        fileSize = decoded.fileSize ?? 0
    }

    /// The payload as Wings writes it (server/backup.go's map keys).
    private struct Wire: Decodable {
        var uuid: String?
        var isSuccessful: Bool
        var checksum: String?
        var checksumType: String?
        var fileSize: Int?
        enum CodingKeys: String, CodingKey {
            case uuid, checksum
            case isSuccessful = "is_successful", checksumType = "checksum_type", fileSize = "file_size"
        }
    }
}
