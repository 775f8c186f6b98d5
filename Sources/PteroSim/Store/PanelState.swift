import OrderedCollections

/// Every table of the simulated panel; lives behind one `Mutex` in `PanelStore`, so
/// handlers mutate it as plain value types without any further locking.
/// A table keyed by id, kept in insertion order, which is id order since
/// ids only grow: a list endpoint pages through it without sorting or
/// copying every row (100,000 servers took 150 ms a page when sorted).
typealias Table<Row> = OrderedDictionary<Int, Row>

struct PanelState: Sendable {
    var users: Table<User> = [:]
    var locations: Table<Location> = [:]
    var nodes: Table<Node> = [:]
    var allocations: Table<Allocation> = [:]
    var nests: Table<Nest> = [:]
    var eggs: Table<Egg> = [:]
    var eggVariables: Table<EggVariable> = [:]
    var servers: Table<Server> = [:]
    var databaseHosts: Table<DatabaseHost> = [:]
    var databases: Table<ServerDatabase> = [:]
    var subusers: Table<Subuser> = [:]
    var backups: Table<Backup> = [:]
    var schedules: Table<Schedule> = [:]
    var tasks: Table<ScheduleTask> = [:]
    var apiKeys: Table<ApiKey> = [:]
    var sshKeys: Table<SSHKey> = [:]
    var activity: Table<ActivityLog> = [:]
    /// Pelican only: admin roles, mounts and transfers under way (by server id).
    var roles: Table<Role> = [:]
    var mounts: Table<Mount> = [:]
    var transfers: [Int: ServerTransfer] = [:]
    /// Pelican only: plugins by their string id (`PelicanPluginRoutes`).
    var plugins: [String: Plugin] = [:]
    var files: Table<VirtualFileSystem> = [:]
    var signedTokens: [String: SignedToken] = [:]
    /// Server id by 8-char identifier and by uuid, for the client API's path ids.
    var serverIdByIdentifier: [String: Int] = [:]
    /// Key id by its 16-char identifier, for the per-request token lookup.
    var apiKeyIdByIdentifier: [String: Int] = [:]
    var nextIds: [String: Int] = [:]
    /// Servers and backups with a timed transition outstanding (see `advance(now:)`).
    var pendingServers: Set<Int> = []
    var pendingBackups: Set<Int> = []
    var limiter = RateLimiter()
    /// Copied from the options so route-level throttles (file pull) can see them.
    var rateLimits = RateLimitOptions.off
    /// Copied from the options: the websocket token carries Pelican's `scope` claim.
    var consoleFlavor = ConsoleOptions.Flavor.pterodactyl
    /// Copied from the options: handlers shared by the dialects validate what each panel's request class has.
    var dialect = SimulatorDialect.pterodactyl111
    /// The subuser permission keys the panel knows (Pelican adds mount and settings keys).
    var subuserPermissionKeys = SubuserPermissions.all
    /// The prefix of client keys made through the API (`ptlc_`; Pelican `pacc_`).
    var clientKeyPrefix = "ptlc_"
    var stats = SimulationStats()
    var random: SplitMix64
    var timing: SimulationTiming

    init(seed: UInt64, timing: SimulationTiming) {
        random = SplitMix64(seed: seed ^ 0x5EED_0F_5EED)
        self.timing = timing
    }

    /// Next auto-increment id of a table, like the panel's MySQL columns.
    mutating func nextId(_ table: String) -> Int {
        let id = (nextIds[table] ?? 0) + 1
        nextIds[table] = id
        return id
    }

    /// Raises a table's counter past ids inserted by the seeder.
    mutating func noteId(_ table: String, _ id: Int) {
        if id > nextIds[table] ?? 0 { nextIds[table] = id }
    }

    /// Stores a key and indexes its identifier (every key insert goes through here).
    mutating func insertKey(_ key: ApiKey) {
        apiKeys[key.id] = key
        apiKeyIdByIdentifier[key.identifier] = key.id
    }

    mutating func indexServer(_ server: Server) {
        serverIdByIdentifier[server.identifier] = server.id
        serverIdByIdentifier[server.uuid] = server.id
    }

    mutating func removeServerIndex(_ server: Server) {
        serverIdByIdentifier[server.identifier] = nil
        serverIdByIdentifier[server.uuid] = nil
    }
}
