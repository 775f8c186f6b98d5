/// A server's startup, egg and image (`PATCH /servers/{id}/startup`).
public struct ServerStartup: Encodable, Sendable, Equatable {
    public var startup: String
    /// Empty leaves the variables alone; otherwise send every variable of the egg.
    public var environment: [String: String]
    public var egg: Int
    public var image: String
    public var skipScripts: Bool

    public init(startup: String, environment: [String: String], egg: Int, image: String, skipScripts: Bool) {
        self.startup = startup
        self.environment = environment
        self.egg = egg
        self.image = image
        self.skipScripts = skipScripts
    }

    enum CodingKeys: String, CodingKey {
        case startup
        case environment
        case egg
        case image
        case skipScripts = "skip_scripts"
    }
}
