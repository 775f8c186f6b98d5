/// One recorded action (`activity_log`).
public struct ActivityLog: Codable, Sendable, Equatable {
    public var id: String
    public var batch: String?
    /// e.g. `server:power.start`.
    public var event: String
    public var isApi: Bool
    /// Shown only to the actor or admins.
    public var ip: String?
    public var description: String?
    public var properties: JSONValue
    public var hasAdditionalMetadata: Bool
    public var timestamp: String
    public var relationships: ActivityLogRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case batch
        case event
        case isApi = "is_api"
        case ip
        case description
        case properties
        case hasAdditionalMetadata = "has_additional_metadata"
        case timestamp
        case relationships
    }
}
