/// A public SSH key on an account, identified by its SHA-256 fingerprint.
struct SSHKey: Sendable {
    var id: Int
    var userId: Int
    var name: String
    var fingerprint: String
    var publicKey: String
    var createdAt: Int
}
