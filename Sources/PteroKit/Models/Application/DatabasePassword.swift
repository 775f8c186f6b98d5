/// A database password (`database_password`).
public struct DatabasePassword: Codable, Sendable, Equatable {
    public var password: String

    enum CodingKeys: String, CodingKey {
        case password
    }
}
