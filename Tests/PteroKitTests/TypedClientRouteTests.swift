import Foundation
import PteroKit
import Synchronization
import Testing

/// Every typed `PanelClient` method sends exactly its table row's method
/// and route, and every row of the table is reachable through one; a row
/// the dialect lacks is an `EndpointUnavailable` before anything is sent.
struct TypedClientRouteTests {
    typealias Call = @Sendable (PanelClient) async throws -> Void

    /// A placeholder value with characters that must stay inside one segment.
    static let awkward = "a/b?c#d%e f"
    static let escaped = "a%2Fb%3Fc%23d%25e%20f"

    static let limits = ServerLimitsBody(memory: 1, swap: 0, disk: 1, io: 500, cpu: 0)
    static let schedule = ScheduleDetails(name: "n", minute: "*", hour: "*", dayOfMonth: "*", month: "*", dayOfWeek: "*")

    /// Row id, the placeholder values the call gives (as the route should
    /// carry them), and the call.
    static let calls: [(id: String, values: [String: String], call: Call)] = [
        ("users.list", [:], { _ = try await $0.listUsers().first() }),
        ("users.view", ["user": "7"], { _ = try await $0.user(id: 7) }),
        ("users.view_external", ["external_id": escaped], { _ = try await $0.user(externalId: awkward) }),
        ("users.create", [:], { _ = try await $0.createUser(UserDetails(email: "e", username: "u", firstName: "f", lastName: "l")) }),
        ("users.update", ["user": "7"], { _ = try await $0.replaceUser(id: 7, with: UserDetails(email: "e", username: "u", firstName: "f", lastName: "l")) }),
        ("users.delete", ["user": "7"], { try await $0.deleteUser(id: 7) }),
        ("nodes.list", [:], { _ = try await $0.listNodes().first() }),
        ("nodes.deployable", [:], { _ = try await $0.deployableNodes(memory: 1, disk: 1) }),
        ("nodes.view", ["node": "7"], { _ = try await $0.node(id: 7) }),
        ("nodes.configuration", ["node": "7"], { _ = try await $0.nodeConfiguration(id: 7) }),
        ("nodes.create", [:], { _ = try await $0.createNode(Self.node) }),
        ("nodes.update", ["node": "7"], { _ = try await $0.replaceNode(id: 7, with: Self.node) }),
        ("nodes.delete", ["node": "7"], { try await $0.deleteNode(id: 7) }),
        ("allocations.list", ["node": "7"], { _ = try await $0.listAllocations(node: 7).first() }),
        ("allocations.create", ["node": "7"], { try await $0.createAllocations(node: 7, NewAllocations(ip: "10.0.0.1", ports: ["25565"])) }),
        ("allocations.delete", ["node": "7", "allocation": "8"], { try await $0.deleteAllocation(node: 7, id: 8) }),
        ("locations.list", [:], { _ = try await $0.listLocations().first() }),
        ("locations.view", ["location": "7"], { _ = try await $0.location(id: 7) }),
        ("locations.create", [:], { _ = try await $0.createLocation(LocationDetails(short: "s")) }),
        ("locations.update", ["location": "7"], { _ = try await $0.replaceLocation(id: 7, with: LocationDetails(short: "s")) }),
        ("locations.delete", ["location": "7"], { try await $0.deleteLocation(id: 7) }),
        ("servers.list", [:], { _ = try await $0.listServers().first() }),
        ("servers.view", ["server": "7"], { _ = try await $0.server(id: 7) }),
        ("servers.view_external", ["external_id": escaped], { _ = try await $0.server(externalId: awkward) }),
        ("servers.update_details", ["server": "7"], { _ = try await $0.replaceServerDetails(id: 7, with: ServerDetails(name: "n", user: 1)) }),
        ("servers.update_build", ["server": "7"], { _ = try await $0.updateServerBuild(id: 7, ServerBuild(allocation: 1, limits: Self.limits, featureLimits: ServerFeatureLimitsBody())) }),
        ("servers.update_startup", ["server": "7"], { _ = try await $0.updateServerStartup(id: 7, ServerStartup(startup: "s", environment: [:], egg: 1, image: "i", skipScripts: false)) }),
        ("servers.create", [:], { _ = try await $0.createServer(NewServer(name: "n", user: 1, egg: 1, dockerImage: "i", startup: "s", environment: [:], limits: Self.limits, featureLimits: ServerFeatureLimitsBody(), allocation: ServerAllocationChoice(defaultAllocation: 1))) }),
        ("servers.suspend", ["server": "7"], { try await $0.suspendServer(id: 7) }),
        ("servers.unsuspend", ["server": "7"], { try await $0.unsuspendServer(id: 7) }),
        ("servers.reinstall", ["server": "7"], { try await $0.reinstallServer(id: 7) }),
        ("servers.delete", ["server": "7"], { try await $0.deleteServer(id: 7) }),
        ("servers.force_delete", ["server": "7"], { try await $0.forceDeleteServer(id: 7) }),
        ("server_databases.list", ["server": "7"], { _ = try await $0.serverDatabases(server: 7) }),
        ("server_databases.view", ["server": "7", "database": "8"], { _ = try await $0.serverDatabase(server: 7, id: 8) }),
        ("server_databases.create", ["server": "7"], { _ = try await $0.createServerDatabase(server: 7, NewServerDatabase(database: "d", remote: "%", host: 1)) }),
        ("server_databases.reset_password", ["server": "7", "database": "8"], { try await $0.resetServerDatabasePassword(server: 7, id: 8) }),
        ("server_databases.delete", ["server": "7", "database": "8"], { try await $0.deleteServerDatabase(server: 7, id: 8) }),
        ("nests.list", [:], { _ = try await $0.listNests().first() }),
        ("nests.view", ["nest": "7"], { _ = try await $0.nest(id: 7) }),
        ("eggs.list", ["nest": "7"], { _ = try await $0.eggs(nest: 7) }),
        ("eggs.view", ["nest": "7", "egg": "8"], { _ = try await $0.egg(nest: 7, id: 8) }),
        ("client.servers.list", [:], { _ = try await $0.clientServers(type: .owner).first() }),
        ("permissions", [:], { _ = try await $0.systemPermissions() }),
        ("account.view", [:], { _ = try await $0.account() }),
        ("account.two_factor.setup", [:], { _ = try await $0.twoFactorSetup() }),
        ("account.two_factor.enable", [:], { _ = try await $0.enableTwoFactor(code: "1", password: "p") }),
        ("account.two_factor.disable", [:], { try await $0.disableTwoFactor(password: "p") }),
        ("account.update_email", [:], { try await $0.updateEmail("e", password: "p") }),
        ("account.update_password", [:], { try await $0.updatePassword(current: "c", new: "n") }),
        ("account.activity", [:], { _ = try await $0.accountActivity().first() }),
        ("account.api_keys.list", [:], { _ = try await $0.apiKeys() }),
        ("account.api_keys.create", [:], { _ = try await $0.createApiKey(description: "d") }),
        ("account.api_keys.delete", ["identifier": escaped], { try await $0.deleteApiKey(identifier: awkward) }),
        ("account.ssh_keys.list", [:], { _ = try await $0.sshKeys() }),
        ("account.ssh_keys.create", [:], { _ = try await $0.createSSHKey(name: "n", publicKey: "k") }),
        ("account.ssh_keys.delete", [:], { try await $0.deleteSSHKey(fingerprint: "f") }),
        ("server.view", ["server": escaped], { _ = try await $0.clientServer(awkward) }),
        ("server.websocket", ["server": "1a2b3c4d"], { _ = try await $0.websocketToken(server: "1a2b3c4d") }),
        ("server.resources", ["server": "1a2b3c4d"], { _ = try await $0.serverResources(server: "1a2b3c4d") }),
        ("server.activity", ["server": "1a2b3c4d"], { _ = try await $0.serverActivity(server: "1a2b3c4d").first() }),
        ("server.command", ["server": "1a2b3c4d"], { try await $0.sendCommand(server: "1a2b3c4d", command: "say") }),
        ("server.power", ["server": "1a2b3c4d"], { try await $0.sendPowerSignal(server: "1a2b3c4d", signal: .start) }),
        ("server.databases.list", ["server": "1a2b3c4d"], { _ = try await $0.clientDatabases(server: "1a2b3c4d") }),
        ("server.databases.create", ["server": "1a2b3c4d"], { _ = try await $0.createClientDatabase(server: "1a2b3c4d", database: "d", remote: "%") }),
        ("server.databases.rotate_password", ["server": "1a2b3c4d", "database": escaped], { _ = try await $0.rotateDatabasePassword(server: "1a2b3c4d", id: awkward) }),
        ("server.databases.delete", ["server": "1a2b3c4d", "database": "x9"], { try await $0.deleteClientDatabase(server: "1a2b3c4d", id: "x9") }),
        ("server.files.list", ["server": "s1"], { _ = try await $0.listFiles(server: "s1") }),
        ("server.files.contents", ["server": "s1"], { _ = try await $0.fileContents(server: "s1", path: "a.txt") }),
        ("server.files.download", ["server": "s1"], { _ = try await $0.fileDownloadURL(server: "s1", path: "a.txt") }),
        ("server.files.rename", ["server": "s1"], { try await $0.renameFiles(server: "s1", files: [FileRename(from: "a", to: "b")]) }),
        ("server.files.copy", ["server": "s1"], { try await $0.copyFile(server: "s1", location: "a") }),
        ("server.files.write", ["server": "s1"], { try await $0.writeFile(server: "s1", path: "a", contents: "x") }),
        ("server.files.compress", ["server": "s1"], { _ = try await $0.compressFiles(server: "s1", files: ["a"]) }),
        ("server.files.decompress", ["server": "s1"], { try await $0.decompressFile(server: "s1", file: "a.zip") }),
        ("server.files.delete", ["server": "s1"], { try await $0.deleteFiles(server: "s1", files: ["a"]) }),
        ("server.files.create_folder", ["server": "s1"], { try await $0.createFolder(server: "s1", name: "d") }),
        ("server.files.chmod", ["server": "s1"], { try await $0.chmodFiles(server: "s1", files: [FileModeChange(file: "a", mode: 644)]) }),
        ("server.files.pull", ["server": "s1"], { try await $0.pullFile(server: "s1", FilePull(url: "https://example.com/a")) }),
        ("server.files.upload_url", ["server": "s1"], { _ = try await $0.fileUploadURL(server: "s1") }),
        ("server.schedules.list", ["server": "s1"], { _ = try await $0.schedules(server: "s1") }),
        ("server.schedules.create", ["server": "s1"], { _ = try await $0.createSchedule(server: "s1", Self.schedule) }),
        ("server.schedules.view", ["server": "s1", "schedule": "7"], { _ = try await $0.schedule(server: "s1", id: 7) }),
        ("server.schedules.update", ["server": "s1", "schedule": "7"], { _ = try await $0.updateSchedule(server: "s1", id: 7, Self.schedule) }),
        ("server.schedules.execute", ["server": "s1", "schedule": "7"], { try await $0.executeSchedule(server: "s1", id: 7) }),
        ("server.schedules.delete", ["server": "s1", "schedule": "7"], { try await $0.deleteSchedule(server: "s1", id: 7) }),
        ("server.schedules.tasks.create", ["server": "s1", "schedule": "7"], { _ = try await $0.createTask(server: "s1", schedule: 7, TaskDetails(action: "command", payload: "say", timeOffset: 0)) }),
        ("server.schedules.tasks.update", ["server": "s1", "schedule": "7", "task": "8"], { _ = try await $0.updateTask(server: "s1", schedule: 7, id: 8, TaskDetails(action: "command", payload: "say", timeOffset: 0)) }),
        ("server.schedules.tasks.delete", ["server": "s1", "schedule": "7", "task": "8"], { try await $0.deleteTask(server: "s1", schedule: 7, id: 8) }),
        ("server.allocations.list", ["server": "s1"], { _ = try await $0.networkAllocations(server: "s1") }),
        ("server.allocations.create", ["server": "s1"], { _ = try await $0.assignAllocation(server: "s1") }),
        ("server.allocations.update_notes", ["server": "s1", "allocation": "7"], { _ = try await $0.updateAllocationNotes(server: "s1", id: 7, notes: nil) }),
        ("server.allocations.set_primary", ["server": "s1", "allocation": "7"], { _ = try await $0.setPrimaryAllocation(server: "s1", id: 7) }),
        ("server.allocations.delete", ["server": "s1", "allocation": "7"], { try await $0.unassignAllocation(server: "s1", id: 7) }),
        ("server.subusers.list", ["server": "s1"], { _ = try await $0.subusers(server: "s1") }),
        ("server.subusers.create", ["server": "s1"], { _ = try await $0.createSubuser(server: "s1", email: "e", permissions: ["control.console"]) }),
        ("server.subusers.view", ["server": "s1", "user": "u-1"], { _ = try await $0.subuser(server: "s1", uuid: "u-1") }),
        ("server.subusers.update", ["server": "s1", "user": "u-1"], { _ = try await $0.updateSubuser(server: "s1", uuid: "u-1", permissions: []) }),
        ("server.subusers.delete", ["server": "s1", "user": "u-1"], { try await $0.deleteSubuser(server: "s1", uuid: "u-1") }),
        ("server.backups.list", ["server": "s1"], { _ = try await $0.backups(server: "s1").first() }),
        ("server.backups.create", ["server": "s1"], { _ = try await $0.createBackup(server: "s1") }),
        ("server.backups.view", ["server": "s1", "backup": "b-1"], { _ = try await $0.backup(server: "s1", uuid: "b-1") }),
        ("server.backups.download", ["server": "s1", "backup": "b-1"], { _ = try await $0.backupDownloadURL(server: "s1", uuid: "b-1") }),
        ("server.backups.toggle_lock", ["server": "s1", "backup": "b-1"], { _ = try await $0.toggleBackupLock(server: "s1", uuid: "b-1") }),
        ("server.backups.restore", ["server": "s1", "backup": "b-1"], { try await $0.restoreBackup(server: "s1", uuid: "b-1", truncate: false) }),
        ("server.backups.delete", ["server": "s1", "backup": "b-1"], { try await $0.deleteBackup(server: "s1", uuid: "b-1") }),
        ("server.startup.view", ["server": "s1"], { _ = try await $0.startup(server: "s1") }),
        ("server.startup.update_variable", ["server": "s1"], { _ = try await $0.updateStartupVariable(server: "s1", key: "K", value: "v") }),
        ("server.settings.rename", ["server": "s1"], { try await $0.renameServer(server: "s1", name: "n") }),
        ("server.settings.reinstall", ["server": "s1"], { try await $0.reinstallServer(server: "s1") }),
        ("server.settings.docker_image", ["server": "s1"], { try await $0.setDockerImage(server: "s1", image: "i") }),
    ]

    static let node = NodeDetails(name: "n", locationId: 1, fqdn: "node.example.com", scheme: "https", memory: 1, memoryOverallocate: 0,
                                  disk: 1, diskOverallocate: 0, daemonListen: 8080, daemonSftp: 2022)

    /// The route of `row` with each `{name}` replaced by `values[name]`,
    /// spelled out independently of `APIEndpoint.path(filling:)`.
    static func expectedPath(_ row: APIEndpoint, _ values: [String: String]) -> String {
        values.reduce(row.path) { path, entry in path.replacingOccurrences(of: "{\(entry.key)}", with: entry.value) }
    }

    /// Runs `call` against a transport that records what it is sent and
    /// answers 204 with nothing (typed reads then fail to decode; only the
    /// request matters here).
    static func record(_ call: Call, table: APITable = .pterodactyl1) async -> (requests: [PanelRequest], error: (any Error)?) {
        let sent = Mutex([PanelRequest]())
        let transport = ScriptedTransport { request, _ in
            sent.withLock { $0.append(request) }
            return PanelResponse(status: 204)
        }
        let client = PanelClient(executor: Executor(transport: transport, settings: .fast(maximumRetries: 0)), table: table)
        var failure: (any Error)?
        do { try await call(client) } catch { failure = error }
        return (sent.withLock { $0 }, failure)
    }

    @Test func everyRowOfTheTableHasATypedMethodHere() {
        let covered = Self.calls.map(\.id)
        #expect(covered.count == 111)
        #expect(Set(covered).count == covered.count, "an id is listed twice")
        #expect(covered == APITable.pterodactyl1.endpoints.map(\.id))
    }

    @Test func eachTypedMethodSendsExactlyItsRowsMethodAndPath() async throws {
        for (id, values, call) in Self.calls {
            let row = try #require(APITable.pterodactyl1.endpoint(id))
            #expect(Set(values.keys) == Set(row.placeholders), "\(id): the test's values name \(values.keys.sorted())")
            let (requests, _) = await Self.record(call)
            #expect(requests.count == 1, "\(id) sent \(requests.count) requests")
            guard let request = requests.first else { continue }
            #expect(request.method == row.method, "\(id): \(request.method) instead of \(row.method)")
            #expect(request.path == Self.expectedPath(row, values), "\(id): \(request.path)")
            #expect(request.api == row.api, "\(id)")
            #expect(request.acceptsText == (id == "server.files.contents"), "\(id)")
        }
    }

    @Test func theGenericRequestReachesAnyRow() throws {
        let client = PanelClient(executor: Executor(transport: ScriptedTransport(status: 204)))
        for row in APITable.pterodactyl1.endpoints {
            let values = Dictionary(uniqueKeysWithValues: row.placeholders.map { ($0, "v-\($0)") })
            let request = try client.request(endpoint: row.id, values: values)
            #expect(request.method == row.method && request.api == row.api, "\(row.id)")
            #expect(request.path == Self.expectedPath(row, values), "\(row.id)")
        }
        let missing = #expect(throws: MissingPathValue.self) { try client.request(endpoint: "eggs.view", values: ["nest": "1"]) }
        #expect(missing?.endpoint == "eggs.view" && missing?.placeholder == "egg")
        #expect(missing.map { "\($0)" } == "eggs.view needs a value for {egg} in its path")
    }

    @Test func aRowTheDialectLacksIsUnavailableAndNothingIsSent() async throws {
        // Pterodactyl 0.7 has no resources endpoint nor activity log.
        let old = APITable.pterodactyl07
        #expect(old.endpoint("server.resources") == nil && old.endpoint("account.activity") == nil)
        let (requests, error) = await Self.record({ _ = try await $0.serverResources(server: "s1") }, table: old)
        #expect(requests.isEmpty)
        let unavailable = try #require(error as? EndpointUnavailable)
        #expect(unavailable == EndpointUnavailable(endpoint: "server.resources", dialect: .pterodactyl07))
        #expect("\(unavailable)" == "Pterodactyl 0.7 has no endpoint server.resources")

        let (pageRequests, pageError) = await Self.record({ _ = try await $0.accountActivity().first() }, table: old)
        #expect(pageRequests.isEmpty)
        #expect((pageError as? EndpointUnavailable)?.endpoint == "account.activity")
    }

    @Test func placeholdersAreFilledInOrderAndEscaped() throws {
        let row = try #require(APITable.pterodactyl1.endpoint("server.schedules.tasks.update"))
        #expect(row.placeholders == ["server", "schedule", "task"])
        #expect(try row.path(filling: ["s1", "2", "3"]) == "/api/client/servers/s1/schedules/2/tasks/3")
        #expect(try row.path(filling: ["server": "a/b", "schedule": "2", "task": "3"]) == "/api/client/servers/a%2Fb/schedules/2/tasks/3")
        let missing = #expect(throws: MissingPathValue.self) { try row.path(filling: ["s1", "2"]) }
        #expect(missing?.placeholder == "task" && missing?.endpoint == row.id)
        let extra = #expect(throws: ExtraPathValues.self) { try row.path(filling: ["s1", "2", "3", "4"]) }
        #expect(extra?.expected == 3 && extra?.given == 4)
        #expect(try APITable.pterodactyl1.endpoint("servers.list")?.path(filling: [String]()) == "/api/application/servers")
    }
}
