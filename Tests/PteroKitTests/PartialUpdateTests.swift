import Foundation
import PteroKit
import Testing

/// The panel's PATCH replaces users, nodes, locations and server details
/// whole; the `update…(id:) { ... }` methods change one field and keep the rest.
struct PartialUpdateTests {
    @Test func changingOneUserFieldKeepsTheOthers() async throws {
        try await SimFixture.run { fixture in
            let before = try await fixture.client.user(id: 4)
            #expect(before.externalId != nil)
            let after = try await fixture.client.updateUser(id: 4) { $0.firstName = "Changed" }
            #expect(after.firstName == "Changed")
            var expected = before
            expected.firstName = "Changed"
            expected.updatedAt = after.updatedAt
            #expect(after == expected)
        }
    }

    @Test func changingOneNodeFieldKeepsTheOthersAndTheDaemonBase() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let created = try await client.createNode(NodeDetails(
                name: "custom", locationId: 1, fqdn: "custom.example", scheme: "https", memory: 2048, memoryOverallocate: 10,
                disk: 10_000, diskOverallocate: 5, daemonListen: 8443, daemonSftp: 2200, daemonBase: "/data/volumes",
                uploadSize: 250, isPublic: false, behindProxy: true, maintenanceMode: true))
            let after = try await client.updateNode(id: created.id) { $0.memory = 4096 }
            var expected = created
            expected.memory = 4096
            expected.updatedAt = after.updatedAt
            #expect(after == expected)
            #expect(after.daemonBase == "/data/volumes" && !after.isPublic && after.maintenanceMode)
        }
    }

    @Test func changingALocationOrServerDetailKeepsTheOthers() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let location = try await client.createLocation(LocationDetails(short: "keep", long: "Kept description"))
            let renamed = try await client.updateLocation(id: location.id) { $0.short = "renamed" }
            #expect(renamed.short == "renamed" && renamed.long == "Kept description")

            _ = try await client.replaceServerDetails(id: fixture.serverId, with: ServerDetails(
                name: "before", user: 3, externalId: "billing-77", description: "kept"))
            let server = try await client.updateServerDetails(id: fixture.serverId) { $0.name = "after" }
            #expect(server.name == "after" && server.user == 3 && server.externalId == "billing-77" && server.description == "kept")
        }
    }
}
