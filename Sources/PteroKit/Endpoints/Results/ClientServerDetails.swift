/// A client server with what the caller may do on it (`meta`).
public struct ClientServerDetails: Sendable, Equatable {
    public var server: ClientServer
    public var isServerOwner: Bool
    /// `["*"]` for the owner; a subuser's own list otherwise.
    public var userPermissions: [String]
}
