/// An API key: 16-char identifier (`ptla_`/`ptlc_` + 11) plus a 32-char secret.
struct ApiKey: Sendable {
    enum Kind: Sendable { case application, client }

    var id: Int
    var userId: Int
    var kind: Kind
    var identifier: String
    var secret: String
    var description: String
    var allowedIps: [String]
    /// Application keys only: permission bits per resource (1 read, 3 read+write).
    var permissions: [String: Int]
    var lastUsedAt: Int?
    var createdAt: Int

    var token: String { identifier + secret }
}
