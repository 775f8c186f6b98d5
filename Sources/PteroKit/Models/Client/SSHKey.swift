/// An SSH key of the account (`ssh_key`).
public struct SSHKey: Codable, Sendable, Equatable {
    public var name: String
    public var fingerprint: String
    public var publicKey: String
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case name
        case fingerprint
        case publicKey = "public_key"
        case createdAt = "created_at"
    }
}
