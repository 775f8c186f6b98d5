/// Where a client database is reached.
public struct ClientDatabaseHost: Codable, Sendable, Equatable {
    public var address: String
    public var port: Int

    enum CodingKeys: String, CodingKey {
        case address
        case port
    }
}
