/// An IP and port of a node (`allocation`, application API).
public struct Allocation: Codable, Sendable, Equatable {
    public var id: Int
    public var ip: String
    public var alias: String?
    public var port: Int
    public var notes: String?
    public var assigned: Bool
    public var relationships: AllocationRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case ip
        case alias
        case port
        case notes
        case assigned
        case relationships
    }
}
