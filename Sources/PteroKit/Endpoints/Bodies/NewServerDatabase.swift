/// A database to create for a server (application API).
public struct NewServerDatabase: Encodable, Sendable, Equatable {
    public var database: String
    /// Hosts allowed to connect, e.g. `%`.
    public var remote: String
    /// The database host's id.
    public var host: Int

    public init(database: String, remote: String, host: Int) {
        self.database = database
        self.remote = remote
        self.host = host
    }

    enum CodingKeys: String, CodingKey {
        case database
        case remote
        case host
    }
}
