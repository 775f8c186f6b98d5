/// The details of a server to change; nil leaves a field as it is.
public struct ServerDetailsChanges: Encodable, Sendable, Equatable {
    public var name: String?
    public var user: Int?
    public var externalId: String?
    public var description: String?

    public init(name: String? = nil, user: Int? = nil, externalId: String? = nil, description: String? = nil) {
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
