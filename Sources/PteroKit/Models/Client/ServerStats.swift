/// What a server is doing now (`stats`).
public struct ServerStats: Codable, Sendable, Equatable {
    /// `offline`, `starting`, `running`, `stopping`.
    public var currentState: String
    public var isSuspended: Bool
    public var resources: ServerResources

    enum CodingKeys: String, CodingKey {
        case currentState = "current_state"
        case isSuspended = "is_suspended"
        case resources
    }
}
