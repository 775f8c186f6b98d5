import Foundation
import PteroKit
import PteroSim
import Testing

/// Servers, their databases, nests and eggs on the application API.
struct ApplicationServerEndpointTests {
    @Test func serversCanBeFoundWithEveryInclude() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let includes = ["allocations", "user", "subusers", "nest", "egg", "variables", "location", "node", "databases"]
            let server = try await client.server(id: fixture.serverId, include: includes)
            let relationships = try #require(server.relationships)
            #expect(relationships.user?.value?.id == server.user)
            #expect(relationships.node?.value?.id == server.node)
            #expect(relationships.egg?.value?.id == server.egg && relationships.nest?.value?.id == server.nest)
            #expect(relationships.allocations?.items?.contains { $0.id == server.allocation } == true)
            #expect(relationships.location?.value != nil && relationships.databases?.items != nil && relationships.subusers?.items != nil)
            #expect(relationships.variables?.items?.isEmpty == false)
            #expect(server.container.environment["P_SERVER_UUID"]?.stringValue == server.uuid)

            let found = try await client.listServers(ListQuery(filters: ["uuidShort": server.identifier])).collect()
            #expect(found.map(\.id) == [server.id])
        }
    }

    @Test func aServerCanBeCreatedChangedSuspendedReinstalledAndDeleted() async throws {
        // Real install timing, so a reinstall is still running when checked.
        try await SimFixture.run({ $0.timing = SimulationTiming() }) { fixture in
            let client = fixture.client
            let nests = try await client.listNests(ListQuery(include: ["eggs"])).collect()
            let nest = try #require(nests.first { ($0.relationships?.eggs?.items?.count ?? 0) > 0 })
            #expect(try await client.nest(id: nest.id).name == nest.name)
            let eggs = try await client.eggs(nest: nest.id, include: ["variables"])
            let egg = try await client.egg(nest: nest.id, id: try #require(eggs.first).id, include: ["variables", "nest"])
            #expect(egg.relationships?.nest?.value?.id == nest.id && egg.nest == nest.id)
            let variables = try #require(egg.relationships?.variables?.items)
            let environment = Dictionary(uniqueKeysWithValues: variables.map { ($0.envVariable, $0.defaultValue) })
            let free = try #require(try await client.listAllocations(node: 2).collect().first { !$0.assigned })

            let created = try await client.createServer(NewServer(
                name: "created", user: 1, egg: egg.id, dockerImage: egg.dockerImage, startup: egg.startup ?? "",
                environment: environment, limits: ServerLimitsBody(memory: 1024, swap: 0, disk: 2048, io: 500, cpu: 100),
                featureLimits: ServerFeatureLimitsBody(databases: 1, backups: nil), allocation: ServerAllocationChoice(defaultAllocation: free.id),
                externalId: "ext-created"))
            #expect(created.name == "created" && created.allocation == free.id && created.node == 2 && created.featureLimits.backups == nil)
            #expect(try await client.server(externalId: "ext-created").id == created.id)

            let details = try await client.replaceServerDetails(id: created.id, with: ServerDetails(name: "renamed", user: 1))
            #expect(details.name == "renamed" && details.externalId == nil)
            let startup = try await client.updateServerStartup(id: created.id, ServerStartup(
                startup: "java -jar server.jar", environment: [:], egg: egg.id, image: egg.dockerImage, skipScripts: true))
            #expect(startup.container.startupCommand == "java -jar server.jar")

            try await client.suspendServer(id: fixture.serverId)
            #expect(try await client.server(id: fixture.serverId).status == "suspended")
            try await client.unsuspendServer(id: fixture.serverId)
            #expect(try await client.server(id: fixture.serverId).status == nil)
            try await client.reinstallServer(id: fixture.serverId)
            #expect(try await client.server(id: fixture.serverId).status == "installing")
            try await client.deleteServer(id: created.id)
            try await client.forceDeleteServer(id: fixture.serverId)
            let remaining = Set(try await client.listServers(ListQuery(perPage: 100)).collect().map(\.id))
            #expect(!remaining.contains(created.id) && !remaining.contains(fixture.serverId))
        }
    }

    @Test func serverDatabasesCanBeCreatedResetAndDeleted() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let created = try await client.createServerDatabase(server: fixture.serverId, NewServerDatabase(database: "extra", remote: "%", host: 1))
            #expect(created.database == "s\(fixture.serverId)_extra" && created.host == 1)
            let listed = try await client.serverDatabases(server: fixture.serverId, include: ["password", "host"])
            let database = try #require(listed.first { $0.id == created.id })
            let before = try #require(database.relationships?.password?.value?.password)
            #expect(database.relationships?.host?.value?.id == 1)
            try await client.resetServerDatabasePassword(server: fixture.serverId, id: created.id)
            let after = try await client.serverDatabase(server: fixture.serverId, id: created.id, include: ["password"])
            #expect(after.relationships?.password?.value?.password != before)
            try await client.deleteServerDatabase(server: fixture.serverId, id: created.id)
            #expect(try await client.serverDatabases(server: fixture.serverId).contains { $0.id == created.id } == false)
        }
    }
}
