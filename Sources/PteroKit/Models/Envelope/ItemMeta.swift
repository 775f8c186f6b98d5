/// The extra top-level keys some item answers carry beside `attributes`.
public struct ItemMeta: Decodable, Sendable, Equatable {
    /// Absolute URL of an object the application API just created.
    public var resource: String?
    /// The secret half of a new client API key, shown only once.
    public var secretToken: String?
    /// Client server view: whether the caller owns the server.
    public var isServerOwner: Bool?
    /// Client server view: the caller's permissions (`*` for the owner).
    public var userPermissions: [String]?
    /// Startup variable update: the startup command after the change.
    public var startupCommand: String?
    public var rawStartupCommand: String?

    enum CodingKeys: String, CodingKey {
        case resource
        case secretToken = "secret_token"
        case isServerOwner = "is_server_owner"
        case userPermissions = "user_permissions"
        case startupCommand = "startup_command"
        case rawStartupCommand = "raw_startup_command"
    }
}
