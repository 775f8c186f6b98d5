import Hummingbird
import Testing
@testable import PteroSim

/// Helpers shared by the ports of pterodactyl/panel v1.11.8 tests/Integration/Api/**: the state the panel's
/// factories set up, and its assertions (tests/Traits/Http/IntegrationJsonRequestAssertions.php).
extension SimHarness {
    /// A location as database/Factories/LocationFactory.php makes one: a unique short code and a long name.
    func createLocation(short: String? = nil, long: String = "A test location") -> Location {
        var location: Location!
        mutate { state in
            let id = state.nextId("locations")
            location = Location(id: id, short: short ?? "port\(id)", long: long, createdAt: 1_800_000_000, updatedAt: 1_800_000_000)
            state.locations[id] = location
        }
        return location
    }

    /// ApplicationApiIntegrationTestCase::createNewDefaultApiKey: a new application key of the admin, with every
    /// resource read+write unless `permissions` says otherwise (keys: ApplicationResource raw values).
    func applicationKey(overriding permissions: [String: Int]) -> String {
        var token = ""
        mutate { state in
            var all = Dictionary(uniqueKeysWithValues: ApplicationResource.allCases.map { ($0.rawValue, 3) })
            all.merge(permissions) { $1 }
            let id = state.nextId("api_keys")
            let identifier = "ptla_port" + String(repeating: "0", count: 7 - String(id).count) + String(id)
            let secret = String(repeating: "s", count: 32)
            state.insertKey(ApiKey(id: id, userId: 1, kind: .application, identifier: identifier, secret: secret,
                                   description: "Ported test key", allowedIps: [], permissions: all, lastUsedAt: nil, createdAt: 0))
            token = identifier + secret
        }
        return token
    }
}

/// Laravel's assertJsonStructure for dotted paths: every path resolves in `json` (`*` is each element of a list).
func hasStructure(_ json: JSONValue, _ paths: [String]) -> Bool {
    func resolve(_ value: JSONValue, _ parts: ArraySlice<Substring>) -> Bool {
        guard let first = parts.first else { return true }
        if first == "*" {
            guard let elements = value.arrayValue else { return false }
            return elements.allSatisfy { resolve($0, parts.dropFirst()) }
        }
        if let index = Int(first), let elements = value.arrayValue {
            return index < elements.count && resolve(elements[index], parts.dropFirst())
        }
        guard let object = value.objectValue, let next = object.first(where: { $0.0 == first })?.1 else { return false }
        return resolve(next, parts.dropFirst())
    }
    return paths.allSatisfy { resolve(json, ArraySlice($0.split(separator: "."))) }
}

/// IntegrationJsonRequestAssertions::assertNotFoundJson.
func expectNotFoundJson(_ result: SimResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 404, sourceLocation: sourceLocation)
    #expect(result.errors.count == 1, sourceLocation: sourceLocation)
    #expect(result.errorCode == "NotFoundHttpException", sourceLocation: sourceLocation)
    #expect(result.firstError["status"]?.stringValue == "404", sourceLocation: sourceLocation)
    #expect(result.errorDetail == "The requested resource could not be found on the server.", sourceLocation: sourceLocation)
}

/// IntegrationJsonRequestAssertions::assertAccessDeniedJson.
func expectAccessDeniedJson(_ result: SimResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 403, sourceLocation: sourceLocation)
    #expect(result.errors.count == 1, sourceLocation: sourceLocation)
    #expect(result.errorCode == "AccessDeniedHttpException", sourceLocation: sourceLocation)
    #expect(result.firstError["status"]?.stringValue == "403", sourceLocation: sourceLocation)
    #expect(result.errorDetail == "This action is unauthorized.", sourceLocation: sourceLocation)
}

extension JSONValue {
    /// The element at `index` of a list (Laravel's `data.0` paths).
    subscript(index: Int) -> JSONValue? {
        guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

/// assertJsonStructure on one object: it has every one of `names` (in any order, among others).
func hasKeys(_ value: JSONValue?, _ names: [String]) -> Bool { Set(names).isSubset(of: Set(keys(value))) }

extension SimHarness {
    /// A user as database/Factories/UserFactory.php makes one: not an admin, no 2FA, with its own client key
    /// (so ClientApiIntegrationTestCase's actingAs can be a Bearer key).
    func createUser(externalId: String? = nil, rootAdmin: Bool = false) -> User {
        var user: User!
        mutate { state in
            let id = state.nextId("users")
            user = User(id: id, externalId: externalId, uuid: "00000000-0000-4000-8000-\(String(repeating: "0", count: 12 - String(id).count))\(id)",
                        username: "factory\(id)", email: "factory\(id)@example.com", firstName: "Factory", lastName: "User\(id)",
                        rootAdmin: rootAdmin, password: "password", createdAt: 1_800_000_000, updatedAt: 1_800_000_000)
            state.users[id] = user
            let keyId = state.nextId("api_keys")
            let identifier = "ptlc_user" + String(repeating: "0", count: 7 - String(keyId).count) + String(keyId)
            state.insertKey(ApiKey(id: keyId, userId: id, kind: .client, identifier: identifier, secret: String(repeating: "u", count: 32),
                                   description: "Factory user key", allowedIps: [], permissions: [:], lastUsedAt: nil, createdAt: 0))
        }
        return user
    }
}

/// The attributes UserTransformer gives `user` (the panel tests spell them out field by field).
func expectUserAttributes(_ attributes: JSONValue?, _ user: User, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(attributes?["id"]?.intValue == user.id, sourceLocation: sourceLocation)
    #expect(attributes?["external_id"] == (user.externalId.map(JSONValue.string) ?? .null), sourceLocation: sourceLocation)
    #expect(attributes?["uuid"]?.stringValue == user.uuid, sourceLocation: sourceLocation)
    #expect(attributes?["username"]?.stringValue == user.username, sourceLocation: sourceLocation)
    #expect(attributes?["email"]?.stringValue == user.email, sourceLocation: sourceLocation)
    #expect(attributes?["first_name"]?.stringValue == user.firstName, sourceLocation: sourceLocation)
    #expect(attributes?["last_name"]?.stringValue == user.lastName, sourceLocation: sourceLocation)
    #expect(attributes?["language"]?.stringValue == user.language, sourceLocation: sourceLocation)
    #expect(attributes?["root_admin"]?.boolValue == user.rootAdmin, sourceLocation: sourceLocation)
    #expect(attributes?["2fa"]?.boolValue == user.twoFactorEnabled, sourceLocation: sourceLocation)
    #expect(attributes?["created_at"]?.stringValue == Timestamp.iso(user.createdAt), sourceLocation: sourceLocation)
    #expect(attributes?["updated_at"]?.stringValue == Timestamp.iso(user.updatedAt), sourceLocation: sourceLocation)
}

let userAttributeKeys = ["id", "external_id", "uuid", "username", "email", "first_name", "last_name", "language", "root_admin", "2fa", "created_at", "updated_at"]

extension SimHarness {
    /// The client key `createUser` gave `user`: the sim's stand-in for the panel tests' `actingAs($user)` session.
    func actingAs(_ user: User) -> String { key(ofUser: user.id) }
}

extension SimHarness {
    /// An account (client) or application key of `userId`, as database/Factories/ApiKeyFactory.php makes one.
    @discardableResult
    func createApiKey(userId: Int, kind: ApiKey.Kind = .client) -> ApiKey {
        var key: ApiKey!
        mutate { state in
            let id = state.nextId("api_keys")
            let prefix = kind == .client ? "ptlc_fact" : "ptla_fact"
            key = ApiKey(id: id, userId: userId, kind: kind, identifier: prefix + String(repeating: "0", count: 7 - String(id).count) + String(id),
                         secret: String(repeating: "f", count: 32), description: "Factory key \(id)", allowedIps: [],
                         permissions: [:], lastUsedAt: nil, createdAt: 1_800_000_000)
            state.insertKey(key)
        }
        return key
    }

    /// Activity rows of `event` whose actor is `userId` (the panel's assertActivityFor).
    func activity(_ event: String, by userId: Int) -> [ActivityLog] {
        state { $0.sortedValues($0.activity).filter { $0.event == event && $0.actorId == userId } }
    }
}

/// ClientApiIntegrationTestCase::assertJsonTransformedWith for an API key: ApiKeyTransformer's fields.
func expectApiKeyAttributes(_ attributes: JSONValue?, _ key: ApiKey, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(keys(attributes) == ["identifier", "description", "allowed_ips", "last_used_at", "created_at"], sourceLocation: sourceLocation)
    #expect(attributes?["identifier"]?.stringValue == key.identifier, sourceLocation: sourceLocation)
    #expect(attributes?["description"]?.stringValue == key.description, sourceLocation: sourceLocation)
    #expect(attributes?["allowed_ips"] == .array(key.allowedIps.map(JSONValue.string)), sourceLocation: sourceLocation)
    #expect(attributes?["last_used_at"] == Timestamp.iso(key.lastUsedAt), sourceLocation: sourceLocation)
    #expect(attributes?["created_at"]?.stringValue == Timestamp.iso(key.createdAt), sourceLocation: sourceLocation)
}

extension SimHarness {
    /// IntegrationTestCase's createServerModel: a server of `ownerId` (a copy of seeded server 1's egg and limits, so
    /// with the `.testing()` seed)
    /// with its own primary allocation on node `nodeId` (server 1's node unless given).
    @discardableResult
    func createServer(ownerId: Int, name: String? = nil, uuid: String? = nil, externalId: String? = nil, nodeId: Int? = nil) -> Server {
        var server: Server!
        mutate { state in
            var copy = seededServerTemplate
            let id = state.nextId("servers")
            let allocationId = state.nextId("allocations")
            copy.id = id
            copy.ownerId = ownerId
            copy.status = nil
            copy.uuid = uuid ?? String(format: "%08x-0000-4000-8000-%012x", 0xf000_0000 + id, id)
            copy.name = name ?? "Factory server \(id)"
            copy.externalId = externalId
            copy.nodeId = nodeId ?? copy.nodeId
            copy.allocationId = allocationId
            state.allocations[allocationId] = Allocation(id: allocationId, nodeId: copy.nodeId, ip: "10.99.0.\(id % 250)", alias: nil,
                                                         port: 30_000 + id, serverId: id, notes: nil)
            state.servers[id] = copy
            state.indexServer(copy)
            server = copy
        }
        return server
    }

    /// A subuser row, as the panel tests' Subuser::query()->create.
    func addSubuser(userId: Int, serverId: Int, permissions: [String]) {
        mutate { state in
            let id = state.nextId("subusers")
            state.subusers[id] = Subuser(id: id, userId: userId, serverId: serverId, permissions: permissions, createdAt: 0, updatedAt: 0)
        }
    }

    /// The panel's client tests start with no servers but their own: the seeded servers and subusers go.
    func removeSeededServers() {
        mutate { state in
            state.servers = [:]
            state.subusers = [:]
            state.serverIdByIdentifier = [:]
        }
    }

    /// ClientApiIntegrationTestCase::generateTestAccount: a server and its owner, or (with permissions) a subuser of it.
    func generateTestAccount(permissions: [String] = []) -> (user: User, server: Server) {
        let owner = createUser()
        let server = createServer(ownerId: owner.id)
        if permissions.isEmpty { return (owner, server) }
        let user = createUser()
        addSubuser(userId: user.id, serverId: server.id, permissions: permissions)
        return (user, server)
    }
}

extension SimResult {
    /// `data.N` of a list answer, nil when the list is shorter (never a crash).
    func item(_ index: Int) -> JSONValue? { json["data"]?[index] }
}

/// Seeded server 1 of `.testing()`: what createServer copies, available after removeSeededServers.
let seededServerTemplate: Server = SimulatedPanel(options: .testing()).store.withState { $0.servers[1]! }

extension SimHarness {
    /// database/Factories/AllocationFactory.php: an allocation on `server`'s node, assigned to it.
    func createAllocation(for server: Server) -> Allocation {
        var allocation: Allocation!
        mutate { state in
            let id = state.nextId("allocations")
            allocation = Allocation(id: id, nodeId: server.nodeId, ip: "10.98.0.\(id % 250)", alias: nil, port: 20_000 + id, serverId: server.id, notes: nil)
            state.allocations[id] = allocation
        }
        return allocation
    }

    /// A request as the user with `key` to `method` on `path` under /api/client (the panel's `->json($method, ...)`).
    func client(_ method: String, _ path: String, key: String, json: String? = "{}") async throws -> SimResult {
        try await request(HTTPRequest.Method(method)!, "/api/client" + path, key: key, json: method == "GET" ? nil : json)
    }
}

extension SimHarness {
    /// database/Factories/ScheduleFactory.php: an active schedule of `server`, every field `*`.
    func createSchedule(for server: Server) -> Schedule {
        var schedule: Schedule!
        mutate { state in
            let id = state.nextId("schedules")
            schedule = Schedule(id: id, serverId: server.id, name: "Factory schedule \(id)", minute: "*", hour: "*", dayOfMonth: "*",
                                month: "*", dayOfWeek: "*", isActive: true, isProcessing: false, onlyWhenOnline: false,
                                lastRunAt: nil, createdAt: 1_800_000_000, updatedAt: 1_800_000_000)
            state.schedules[id] = schedule
        }
        return schedule
    }

    /// database/Factories/BackupFactory.php with `completed_at` now: a successful, finished backup of `server`.
    func createBackup(for server: Server) -> Backup {
        var backup: Backup!
        mutate { state in
            let id = state.nextId("backups")
            backup = Backup(id: id, uuid: String(format: "b%07x-0000-4000-8000-%012x", id, id), serverId: server.id, name: "Factory backup \(id)",
                            ignoredFiles: [], isSuccessful: true, isLocked: false, checksum: nil, bytes: 0, createdAt: 1_800_000_000,
                            completesAt: nil, completedAt: 1_800_000_000)
            state.backups[id] = backup
        }
        return backup
    }
}

extension SimHarness {
    /// database/Factories/DatabaseFactory.php: a database of `server` on the first seeded database host.
    func createDatabase(for server: Server) -> ServerDatabase {
        var database: ServerDatabase!
        mutate { state in
            let id = state.nextId("databases")
            let hostId = state.databaseHosts.keys.sorted().first!
            database = ServerDatabase(id: id, hashid: HashId.encode(id), serverId: server.id, hostId: hostId, database: "s\(server.id)_factory\(id)",
                                      username: "u\(server.id)_factory\(id)", remote: "%", password: "secret", maxConnections: 0,
                                      createdAt: 1_800_000_000, updatedAt: 1_800_000_000)
            state.databases[id] = database
        }
        return database
    }
}
