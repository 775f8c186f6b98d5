/// A server's name, owner, external id and description, sent whole (`PATCH /servers/{id}/details`).
public struct ServerDetails: Encodable, Sendable, Equatable {
    public var name: String
    public var user: Int
    /// Omitted, the panel clears it.
    public var externalId: String?
    /// Omitted, the panel sets it to "".
    public var description: String?

    public init(name: String, user: Int, externalId: String? = nil, description: String? = nil) {
        self.name = name
        self.user = user
        self.externalId = externalId
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case name
        case user
        case externalId = "external_id"
        case description
    }
}
