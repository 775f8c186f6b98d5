/// A file for the daemon to download into the server (`files/pull`).
public struct FilePull: Encodable, Sendable, Equatable {
    public var url: String
    public var directory: String?
    public var filename: String?
    public var useHeader: Bool?
    public var foreground: Bool?

    public init(url: String, directory: String? = nil, filename: String? = nil, useHeader: Bool? = nil, foreground: Bool? = nil) {
        self.url = url
        self.directory = directory
        self.filename = filename
        self.useHeader = useHeader
        self.foreground = foreground
    }

    enum CodingKeys: String, CodingKey {
        case url
        case directory
        case filename
        case useHeader = "use_header"
        case foreground
    }
}
