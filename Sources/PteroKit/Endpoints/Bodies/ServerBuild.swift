/// A server's build: primary allocation, limits and feature limits (`PATCH /servers/{id}/build`).
public struct ServerBuild: Encodable, Sendable, Equatable {
    public var allocation: Int
    public var limits: ServerLimitsBody
    public var featureLimits: ServerFeatureLimitsBody
    public var oomDisabled: Bool?
    public var addAllocations: [Int]?
    public var removeAllocations: [Int]?

    public init(allocation: Int, limits: ServerLimitsBody, featureLimits: ServerFeatureLimitsBody, oomDisabled: Bool? = nil, addAllocations: [Int]? = nil, removeAllocations: [Int]? = nil) {
        self.allocation = allocation
        self.limits = limits
        self.featureLimits = featureLimits
        self.oomDisabled = oomDisabled
        self.addAllocations = addAllocations
        self.removeAllocations = removeAllocations
    }

    enum CodingKeys: String, CodingKey {
        case allocation
        case limits
        case featureLimits = "feature_limits"
        case oomDisabled = "oom_disabled"
        case addAllocations = "add_allocations"
        case removeAllocations = "remove_allocations"
    }
}
