/// Resource limits as the panel takes them in a request.
public struct ServerLimitsBody: Encodable, Sendable, Equatable {
    public var memory: Int
    public var swap: Int
    public var disk: Int
    public var io: Int
    public var cpu: Int
    public var threads: String?

    public init(memory: Int, swap: Int, disk: Int, io: Int, cpu: Int, threads: String? = nil) {
        self.memory = memory
        self.swap = swap
        self.disk = disk
        self.io = io
        self.cpu = cpu
        self.threads = threads
    }

    enum CodingKeys: String, CodingKey {
        case memory
        case swap
        case disk
        case io
        case cpu
        case threads
    }
}
