/// An allocation of a server (`allocation`, client API).
public struct NetworkAllocation: Codable, Sendable, Equatable {
    public var id: Int
    public var ip: String
    public var ipAlias: String?
    public var port: Int
    public var notes: String?
    public var isDefault: Bool

    enum CodingKeys: String, CodingKey {
        case id
        case ip
        case ipAlias = "ip_alias"
        case port
        case notes
        case isDefault = "is_default"
    }
}
