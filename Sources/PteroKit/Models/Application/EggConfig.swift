/// How the daemon watches a server of an egg (`config`).
public struct EggConfig: Codable, Sendable, Equatable {
    public var files: JSONValue
    public var startup: JSONValue?
    public var stop: String?
    public var logs: JSONValue?
    public var fileDenylist: [String]?
    public var extends: Int?

    enum CodingKeys: String, CodingKey {
        case files
        case startup
        case stop
        case logs
        case fileDenylist = "file_denylist"
        case extends
    }
}
