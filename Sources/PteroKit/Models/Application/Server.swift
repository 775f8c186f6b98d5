/// A server as the application API shows it (`server`).
public struct Server: Codable, Sendable, Equatable {
    public var id: Int
    public var externalId: String?
    public var uuid: String
    /// The 8-character short id the client API uses.
    public var identifier: String
    public var name: String
    public var description: String
    /// nil when normal; `installing`, `suspended`, ...
    public var status: String?
    public var suspended: Bool
    public var limits: ServerLimits
    public var featureLimits: ServerFeatureLimits
    /// The owner's id.
    public var user: Int
    public var node: Int
    /// The primary allocation's id.
    public var allocation: Int
    public var nest: Int
    public var egg: Int
    public var container: ServerContainer
    public var updatedAt: String
    public var createdAt: String
    public var relationships: ServerRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case externalId = "external_id"
        case uuid
        case identifier
        case name
        case description
        case status
        case suspended
        case limits
        case featureLimits = "feature_limits"
        case user
        case node
        case allocation
        case nest
        case egg
        case container
        case updatedAt = "updated_at"
        case createdAt = "created_at"
        case relationships
    }
}
