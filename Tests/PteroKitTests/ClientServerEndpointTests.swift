import Foundation
import PteroKit
import PteroSim
import Testing

/// One server on the client API: view, console, power, databases, network,
/// subusers, startup and settings.
struct ClientServerEndpointTests {
    @Test func aServerCanBeViewedWatchedAndPowered() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let details = try await client.clientServer(fixture.identifier, include: ["egg", "subusers"])
            #expect(details.server.identifier == fixture.identifier && details.server.internalId == fixture.serverId)
            #expect(details.userPermissions.contains("*"))
            #expect(details.server.relationships?.variables?.items != nil && details.server.relationships?.subusers?.items != nil)

            let token = try await client.websocketToken(server: fixture.identifier)
            #expect(token.socket.contains("/api/servers/\(details.server.uuid)/ws") && token.token.split(separator: ".").count == 3)
            try await client.sendPowerSignal(server: fixture.identifier, signal: .start)
            // Starting takes 50 ms in the fast timing; wait up to 3 s for it.
            var stats = try await client.serverResources(server: fixture.identifier)
            for _ in 0..<30 where stats.currentState != "running" {
                try await Task.sleep(for: .milliseconds(100))
                stats = try await client.serverResources(server: fixture.identifier)
            }
            #expect(stats.currentState == "running" && stats.resources.memoryBytes > 0)
            try await client.sendCommand(server: fixture.identifier, command: "say hello")
            let activity = try await client.serverActivity(server: fixture.identifier, ListQuery(filters: ["event": "console"])).collect()
            #expect(activity.contains { $0.event == "server:console.command" })
        }
    }

    @Test func databasesCanBeCreatedRotatedAndDeleted() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let created = try await client.createClientDatabase(server: fixture.identifier, database: "game", remote: "%")
            #expect(created.name.hasSuffix("_game") && created.relationships?.password?.value != nil)
            let listed = try await client.clientDatabases(server: fixture.identifier, includePassword: true)
            #expect(listed.contains { $0.id == created.id })
            let rotated = try await client.rotateDatabasePassword(server: fixture.identifier, id: created.id)
            #expect(rotated.relationships?.password?.value?.password != created.relationships?.password?.value?.password)
            try await client.deleteClientDatabase(server: fixture.identifier, id: created.id)
            #expect(try await client.clientDatabases(server: fixture.identifier).contains { $0.id == created.id } == false)
        }
    }

    @Test func allocationsCanBeAssignedNotedMadePrimaryAndUnassigned() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let before = try await client.networkAllocations(server: fixture.identifier)
            let primary = try #require(before.first { $0.isDefault })
            let added = try await client.assignAllocation(server: fixture.identifier)
            #expect(!added.isDefault && added.ip == primary.ip)
            let noted = try await client.updateAllocationNotes(server: fixture.identifier, id: added.id, notes: "voice")
            #expect(noted.notes == "voice")
            #expect(try await client.updateAllocationNotes(server: fixture.identifier, id: added.id, notes: nil).notes == nil)
            #expect(try await client.setPrimaryAllocation(server: fixture.identifier, id: added.id).isDefault)
            _ = try await client.setPrimaryAllocation(server: fixture.identifier, id: primary.id)
            try await client.unassignAllocation(server: fixture.identifier, id: added.id)
            #expect(try await client.networkAllocations(server: fixture.identifier).map(\.id) == before.map(\.id))
        }
    }

    @Test func subusersCanBeAddedChangedAndRemoved() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let created = try await client.createSubuser(server: fixture.identifier, email: "helper@example.org", permissions: ["control.console"])
            #expect(Set(created.permissions) == ["control.console", "websocket.connect"])
            #expect(try await client.subusers(server: fixture.identifier).contains { $0.uuid == created.uuid })
            #expect(try await client.subuser(server: fixture.identifier, uuid: created.uuid).email == "helper@example.org")
            let updated = try await client.updateSubuser(server: fixture.identifier, uuid: created.uuid, permissions: ["file.read"])
            #expect(updated.permissions.contains("file.read") && !updated.permissions.contains("control.console"))
            try await client.deleteSubuser(server: fixture.identifier, uuid: created.uuid)
            #expect(try await client.subusers(server: fixture.identifier).contains { $0.uuid == created.uuid } == false)
        }
    }

    @Test func startupAndSettingsCanBeChanged() async throws {
        // Real install timing, so the reinstall is still running when checked.
        try await SimFixture.run({ $0.timing = SimulationTiming() }) { fixture in
            let client = fixture.client
            let startup = try await client.startup(server: fixture.identifier)
            #expect(!startup.rawStartupCommand.isEmpty && !startup.dockerImages.isEmpty)
            let editable = try #require(startup.variables.first { $0.isEditable })
            let value = editable.serverValue ?? editable.defaultValue
            let update = try await client.updateStartupVariable(server: fixture.identifier, key: editable.envVariable, value: value)
            #expect(update.variable.envVariable == editable.envVariable && update.variable.serverValue == value)
            #expect(update.startupCommand != nil)

            try await client.renameServer(server: fixture.identifier, name: "Renamed", description: "by a test")
            let renamed = try await client.clientServer(fixture.identifier).server
            #expect(renamed.name == "Renamed" && renamed.description == "by a test")
            try await client.renameServer(server: fixture.identifier, name: "Again")
            #expect(try await client.clientServer(fixture.identifier).server.description == "by a test")
            let image = try #require(startup.dockerImages.values.sorted().last)
            try await client.setDockerImage(server: fixture.identifier, image: image)
            #expect(try await client.clientServer(fixture.identifier).server.dockerImage == image)
            try await client.reinstallServer(server: fixture.identifier)
            #expect(try await client.clientServer(fixture.identifier).server.status == "installing")
        }
    }
}
