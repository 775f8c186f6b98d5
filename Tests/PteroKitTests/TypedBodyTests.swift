import Foundation
import PteroKit
import Testing

/// The typed client's bodies send only fields the table's rows list (so
/// the rows, which the runtime, `help` and the integer checks read, know
/// every field the typed client sends), with nested maps checked field by
/// field.
struct TypedBodyTests {
    static let table = APITable.pterodactyl1
    static let limits = ServerLimitsBody(memory: 1024, swap: 0, disk: 2048, io: 500, cpu: 100, threads: "0-1")
    static let features = ServerFeatureLimitsBody(databases: 1, backups: 2, allocations: 3)

    /// Each body type with every optional field set, and the rows it is sent to.
    static let bodies: [(rows: [String], body: any Encodable & Sendable)] = [
        (["users.create", "users.update"], UserDetails(email: "e@example.com", username: "u", firstName: "f", lastName: "l",
                                                      externalId: "x", password: "p", rootAdmin: true, language: "en")),
        (["nodes.create"], NodeDetails(name: "n", locationId: 1, fqdn: "f", scheme: "https", memory: 1, memoryOverallocate: 0, disk: 1,
                                       diskOverallocate: 0, daemonListen: 8080, daemonSftp: 2022, daemonBase: "/srv", uploadSize: 100,
                                       isPublic: true, behindProxy: false, maintenanceMode: false)),
        (["nodes.update"], NodeDetails(name: "n", locationId: 1, fqdn: "f", scheme: "https", memory: 1, memoryOverallocate: 0, disk: 1,
                                       diskOverallocate: 0, daemonListen: 8080, daemonSftp: 2022, daemonBase: "/srv", uploadSize: 100,
                                       isPublic: true, behindProxy: false, maintenanceMode: false, resetSecret: true)),
        (["locations.create", "locations.update"], LocationDetails(short: "s", long: "l")),
        (["allocations.create"], NewAllocations(ip: "10.0.0.1", ports: ["25565", "25570-25575"], alias: "a")),
        (["servers.create"], NewServer(name: "n", user: 1, egg: 2, dockerImage: "i", startup: "s", environment: ["K": "v"], limits: limits,
                                       featureLimits: features, allocation: ServerAllocationChoice(defaultAllocation: 3, additional: [4]),
                                       deploy: ServerDeployment(locations: [1], dedicatedIp: false, portRange: ["25565"]), externalId: "x",
                                       description: "d", skipScripts: true, oomDisabled: true, startOnCompletion: true)),
        (["servers.update_details"], ServerDetails(name: "n", user: 1, externalId: "x", description: "d")),
        (["servers.update_build"], ServerBuild(allocation: 1, limits: limits, featureLimits: features, oomDisabled: true,
                                               addAllocations: [2], removeAllocations: [3])),
        (["servers.update_startup"], ServerStartup(startup: "s", environment: ["K": "v"], egg: 1, image: "i", skipScripts: true)),
        (["server_databases.create"], NewServerDatabase(database: "d", remote: "%", host: 1)),
        (["server.schedules.create", "server.schedules.update"], ScheduleDetails(name: "n", minute: "*", hour: "*", dayOfMonth: "*", month: "*",
                                                                                 dayOfWeek: "*", isActive: true, onlyWhenOnline: true)),
        (["server.schedules.tasks.create", "server.schedules.tasks.update"], TaskDetails(action: "command", payload: "say", timeOffset: 0,
                                                                                         sequenceId: 1, continueOnFailure: true)),
        (["server.backups.create"], NewBackup(name: "n", ignored: "*.log", isLocked: true)),
        (["server.files.pull"], FilePull(url: "https://example.com/a", directory: "/", filename: "a", useHeader: true, foreground: true)),
    ]

    /// Keys of `object` the fields `fields` do not list, as dotted paths;
    /// a map field's own keys are checked against its fields.
    static func unknownKeys(_ object: [String: Any], _ fields: [BodyField], prefix: String = "") -> [String] {
        object.keys.sorted().flatMap { key -> [String] in
            guard let field = fields.first(where: { $0.name == key }) else { return [prefix + key] }
            if case .map(let inner) = field.type, let nested = object[key] as? [String: Any] {
                return unknownKeys(nested, inner, prefix: prefix + key + ".")
            }
            return []
        }
    }

    static func object(_ body: RequestBody?) throws -> [String: Any] {
        guard case .json(let data)? = body else { return [:] }
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyBodyTypesKeysAreFieldsOfItsRows() throws {
        for (ids, body) in Self.bodies {
            let sent = try Self.object(try RequestBody.encoding(body))
            #expect(!sent.isEmpty)
            for id in ids {
                let row = try #require(Self.table.endpoint(id))
                #expect(Self.unknownKeys(sent, row.body).isEmpty, "\(type(of: body)) sends \(Self.unknownKeys(sent, row.body)) to \(id)")
            }
        }
    }

    /// The same for the bodies the typed methods build themselves (a
    /// dictionary, a small struct), as each method sends them.
    @Test func everyTypedMethodsBodyKeysAreFieldsOfItsRow() async throws {
        var withBody = 0
        for (id, _, call) in TypedClientRouteTests.calls {
            let row = try #require(Self.table.endpoint(id))
            let (requests, _) = await TypedClientRouteTests.record(call)
            guard case .json? = requests.first?.body else { continue }
            withBody += 1
            let sent = try Self.object(requests.first?.body)
            #expect(Self.unknownKeys(sent, row.body).isEmpty, "\(id) sends \(Self.unknownKeys(sent, row.body))")
        }
        #expect(withBody >= 40)
    }

    @Test func theCheckFindsAnUnknownKey() {
        let fields: [BodyField] = [.text("name"), .map("limits", [.whole("memory", "MiB")])]
        #expect(Self.unknownKeys(["name": "n", "limits": ["memory": 1, "cpu": 2], "x": 1], fields) == ["limits.cpu", "x"])
    }
}
