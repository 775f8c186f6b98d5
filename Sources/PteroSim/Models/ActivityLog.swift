/// An audit entry; `serverId` nil means an account-level event.
struct ActivityLog: Sendable {
    var id: Int
    var batch: String?
    var event: String
    var isApi: Bool
    var ip: String?
    var description: String?
    var properties: JSONValue
    var actorId: Int?
    var userId: Int
    var serverId: Int?
    var timestamp: Int
}
