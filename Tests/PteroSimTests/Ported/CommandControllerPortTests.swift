import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/Server/CommandControllerTest.php.
/// The panel mocks DaemonCommandRepository; the sim is its own Wings, so "Wings got `say Test`" is the
/// sim's console-command count and activity, and "Wings answered 502" is a server that is not running.
@Suite struct CommandControllerPortTests {
    @Test func testValidationErrorIsReturnedIfNoCommandIsPresent() async throws {
        try await withSim { sim in
            let (user, server) = sim.generateTestAccount()
            let response = try await sim.user(.post, "/servers/\(server.uuid)/command", key: sim.actingAs(user), json: #"{"command":""}"#)
            #expect(response.status == 422)
            #expect(response.firstError["meta"]?["rule"]?.stringValue == "required")
        }
    }

    @Test func testSubuserWithoutPermissionReceivesError() async throws {
        try await withSim { sim in
            let (user, server) = sim.generateTestAccount(permissions: ["websocket.connect"])
            let response = try await sim.user(.post, "/servers/\(server.uuid)/command", key: sim.actingAs(user), json: #"{"command":"say Test"}"#)
            #expect(response.status == 403)
        }
    }

    @Test func testCommandCanSendToServer() async throws {
        try await withSim { sim in
            let (user, server) = sim.generateTestAccount(permissions: ["control.console"])
            sim.mutate { $0.servers[server.id]?.power.phase = .running }
            let response = try await sim.user(.post, "/servers/\(server.uuid)/command", key: sim.actingAs(user), json: #"{"command":"say Test"}"#)
            #expect(response.status == 204)
            #expect(sim.state { $0.stats.consoleCommands[server.identifier] } == 1)
            let sent = sim.activity("server:console.command", by: user.id)
            #expect(sent.count == 1)
            #expect(sent.first?.properties["command"]?.stringValue == "say Test")
        }
    }

    @Test func testErrorIsReturnedWhenServerIsOffline() async throws {
        try await withSim { sim in
            let (user, server) = sim.generateTestAccount()
            sim.mutate { $0.servers[server.id]?.power.phase = .offline }
            let response = try await sim.user(.post, "/servers/\(server.uuid)/command", key: sim.actingAs(user), json: #"{"command":"say Test"}"#)
            #expect(response.status == 502)
            #expect(response.errorCode == "HttpException")
            #expect(response.errorDetail == "Server must be online in order to send commands.")
        }
    }
}
