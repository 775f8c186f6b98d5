/// The panel's dialect has no such endpoint (Pterodactyl 0.7 has no
/// `server.resources`): thrown before anything is sent.
public struct EndpointUnavailable: Error, Equatable, CustomStringConvertible {
    /// The row's id, e.g. `server.resources`.
    public let endpoint: String
    public let dialect: PanelDialect

    public init(endpoint: String, dialect: PanelDialect) {
        self.endpoint = endpoint
        self.dialect = dialect
    }

    public var description: String { "\(dialect.displayName) has no endpoint \(endpoint)" }
}
