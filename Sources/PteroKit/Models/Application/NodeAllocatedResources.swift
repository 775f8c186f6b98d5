/// Memory and disk the servers of a node add up to.
public struct NodeAllocatedResources: Codable, Sendable, Equatable {
    public var memory: Int
    public var disk: Int

    enum CodingKeys: String, CodingKey {
        case memory
        case disk
    }
}
