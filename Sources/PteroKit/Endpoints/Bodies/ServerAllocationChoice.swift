/// The allocations a new server gets: a free default and optional extras.
public struct ServerAllocationChoice: Encodable, Sendable, Equatable {
    public var defaultAllocation: Int
    public var additional: [Int]?

    public init(defaultAllocation: Int, additional: [Int]? = nil) {
        self.defaultAllocation = defaultAllocation
        self.additional = additional
    }

    enum CodingKeys: String, CodingKey {
        case defaultAllocation = "default"
        case additional
    }
}
