/// The install script of an egg (`script`).
public struct EggScript: Codable, Sendable, Equatable {
    public var privileged: Bool
    public var install: String?
    public var entry: String
    public var container: String
    public var extends: Int?

    enum CodingKeys: String, CodingKey {
        case privileged
        case install
        case entry
        case container
        case extends
    }
}
