/// A game server with its limits, container settings and simulated process state.
struct Server: Sendable {
    var id: Int
    var externalId: String?
    var uuid: String
    var name: String
    var description: String
    var status: String?
    var ownerId: Int
    var nodeId: Int
    var allocationId: Int
    var nestId: Int
    var eggId: Int
    var memory: Int
    var swap: Int
    var disk: Int
    var io: Int
    var cpu: Int
    var threads: String?
    var oomDisabled: Bool
    var databaseLimit: Int?
    var allocationLimit: Int?
    var backupLimit: Int?
    var startup: String
    var image: String
    /// Values by egg variable id; absent means "use the default".
    var variableValues: [Int: String]
    var power = PowerState()
    /// Wall-clock second until which the server counts as installing/restoring.
    var statusUntil: Double?
    var createdAt: Int
    var updatedAt: Int

    var identifier: String { String(uuid.prefix(8)) }
}
