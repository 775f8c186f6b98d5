import Foundation
import PteroKit
import PteroSim
import Testing

/// `GET /api/client/permissions` through the typed `systemPermissions()`: Pterodactyl 1.x
/// answers groups with descriptions, Pelican one flat list of keys; both read as groups.
@Suite struct SystemPermissionsTests {
    static func permissions(on dialect: SimulatorDialect, table: APITable) async throws -> SystemPermissions {
        let sim = try await LiveSim.start { $0.dialect = dialect; $0.servers = 3 }
        let transport = try HTTPTransport(settings: sim.settings())
        let client = PanelClient(executor: Executor(transport: transport, settings: ExecutorSettings()), table: table)
        do {
            let permissions = try await client.systemPermissions()
            await sim.stop(client)
            return permissions
        } catch {
            await sim.stop(client)
            throw error
        }
    }

    @Test func pterodactylsGroupsDecode() async throws {
        let permissions = try await Self.permissions(on: .pterodactyl111, table: .pterodactyl1)
        #expect(permissions.permissions["control"]?.keys.keys.sorted() == ["console", "restart", "start", "stop"])
        #expect(permissions.permissions["control"]?.description.isEmpty == false)
        #expect(permissions.keys.contains("file.read-content"))
    }

    @Test func pelicansFlatListDecodes() async throws {
        let permissions = try await Self.permissions(on: .pelican, table: .pelican)
        #expect(permissions.permissions["control"]?.keys.keys.sorted() == ["console", "restart", "start", "stop"])
        #expect(permissions.permissions["mount"]?.keys.keys.sorted() == ["read", "update"])
        #expect(permissions.keys.contains("settings.change-icon") && permissions.keys.contains("file.read-content"))
        #expect(permissions.keys.count == 44)
    }

    @Test func aFlatListAndGroupsDecodeAlike() throws {
        let flat = #"{"object":"system_permissions","attributes":{"permissions":["control.start","control.stop","file.read-content"]}}"#
        let decoded = try JSONDecoder().decode(FractalItem<SystemPermissions>.self, from: Data(flat.utf8)).attributes
        #expect(decoded.keys == ["control.start", "control.stop", "file.read-content"])
        #expect(decoded.permissions["file"]?.keys == ["read-content": ""])
        let grouped = #"{"object":"system_permissions","attributes":{"permissions":{"control":{"description":"d","keys":{"start":"s"}}}}}"#
        let groups = try JSONDecoder().decode(FractalItem<SystemPermissions>.self, from: Data(grouped.utf8)).attributes
        #expect(groups.keys == ["control.start"] && groups.permissions["control"]?.description == "d")
    }
}
