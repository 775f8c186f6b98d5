/// A server's startup as its users see it: variables and the command line.
public struct StartupDetails: Sendable, Equatable {
    public var variables: [StartupVariable]
    /// With variables substituted; hidden values shown as `[hidden]`.
    public var startupCommand: String
    public var rawStartupCommand: String
    /// Label to image, the images the server may switch to.
    public var dockerImages: [String: String]
}
