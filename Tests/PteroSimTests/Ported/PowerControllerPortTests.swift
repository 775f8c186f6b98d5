import Foundation
import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/Server/PowerControllerTest.php.
/// The panel mocks DaemonPowerRepository::send(trim($action)); the sim is its own Wings, so the signal
/// it got is the `server:power.<signal>` activity it logs.
@Suite struct PowerControllerPortTests {
    /// invalidPermissionDataProvider.
    @Test(arguments: [("start", ["control.stop", "control.restart"]), ("stop", ["control.start"]), ("kill", ["control.start", "control.restart"]),
                      ("restart", ["control.stop", "control.start"]), ("random", ["control.start"])])
    func testSubuserWithoutPermissionsReceivesError(action: String, permissions: [String]) async throws {
        try await withSim { sim in
            let (user, server) = sim.generateTestAccount(permissions: permissions)
            let response = try await sim.user(.post, "/servers/\(server.uuid)/power", key: sim.actingAs(user), json: #"{"signal":"\#(action)"}"#)
            #expect(response.status == 403)
        }
    }

    @Test func testInvalidPowerSignalResultsInError() async throws {
        try await withSim { sim in
            let (user, server) = sim.generateTestAccount()
            let response = try await sim.user(.post, "/servers/\(server.uuid)/power", key: sim.actingAs(user), json: #"{"signal":"invalid"}"#)
            #expect(response.status == 422)
            #expect(response.firstError["meta"]?["rule"]?.stringValue == "in")
            #expect(response.errorDetail == "The selected signal is invalid.")
        }
    }

    /// validPowerActionDataProvider (the spaces are the panel's: values are trimmed).
    @Test(arguments: [("start", "control.start"), ("stop", "control.stop"), ("restart", "control.restart"), ("kill", "control.stop"),
                      (" restart", "control.restart"), ("kill ", "control.stop")])
    func testActionCanBeSentToServer(action: String, permission: String) async throws {
        try await withSim { sim in
            let (user, server) = sim.generateTestAccount(permissions: [permission])
            let response = try await sim.user(.post, "/servers/\(server.uuid)/power", key: sim.actingAs(user), json: #"{"signal":"\#(action)"}"#)
            #expect(response.status == 204)
            let trimmed = action.trimmingCharacters(in: .whitespaces)
            let sent = sim.state { $0.sortedValues($0.activity).filter { $0.actorId == user.id && $0.event.hasPrefix("server:power.") } }
            #expect(sent.map(\.event) == ["server:power.\(trimmed)"])
            #expect(sent.first?.serverId == server.id)
        }
    }
}
