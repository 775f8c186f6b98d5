import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/Server/WebsocketControllerTest.php (2 of 4 methods;
/// the JWT ones are not ported yet, see PORTED.md).
@Suite struct WebsocketControllerPortTests {
    @Test func testSubuserWithoutWebsocketPermissionReceivesError() async throws {
        try await withSim { sim in
            let (user, server) = sim.generateTestAccount(permissions: ["control.restart"])
            let response = try await sim.user(.get, "/servers/\(server.uuid)/websocket", key: sim.actingAs(user))
            #expect(response.status == 403)
            #expect(response.errorCode == "HttpForbiddenException")
            #expect(response.errorDetail == "You do not have permission to connect to this server's websocket.")
        }
    }

    @Test func testUserWithoutPermissionForServerReceivesError() async throws {
        try await withSim { sim in
            let (_, server) = sim.generateTestAccount(permissions: ["websocket.connect"])
            let (user, _) = sim.generateTestAccount(permissions: ["websocket.connect"])
            let response = try await sim.user(.get, "/servers/\(server.uuid)/websocket", key: sim.actingAs(user))
            #expect(response.status == 404)
        }
    }
}
