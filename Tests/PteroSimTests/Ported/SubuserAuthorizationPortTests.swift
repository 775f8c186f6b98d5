import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/Server/Subuser/SubuserAuthorizationTest.php.
/// The mocked DaemonServerRepository::revokeUserJTI on DELETE is Wings-side; the sim needs no mock.
@Suite struct SubuserAuthorizationPortTests {
    /// methodDataProvider.
    @Test(arguments: ["GET", "POST", "DELETE"])
    func testUserCannotAccessResourceBelongingToOtherServers(method: String) async throws {
        try await withSim { sim in
            let internalUser = sim.createUser()
            let (user, server1) = sim.generateTestAccount()
            let server2 = sim.createServer(ownerId: sim.createUser().id)
            let server3 = sim.createServer(ownerId: sim.createUser().id)
            sim.addSubuser(userId: user.id, serverId: server2.id, permissions: ["websocket.connect"])
            for server in [server1, server2, server3] { sim.addSubuser(userId: internalUser.id, serverId: server.id, permissions: ["websocket.connect"]) }
            let key = sim.actingAs(user)
            let own = try await sim.client(method, "/servers/\(server1.uuid)/users/\(internalUser.uuid)", key: key).status
            #expect(own == (method == "POST" ? 422 : (method == "DELETE" ? 204 : 200)))
            let forbidden = try await sim.client(method, "/servers/\(server2.uuid)/users/\(internalUser.uuid)", key: key).status
            #expect(forbidden == 403)
            let missing = try await sim.client(method, "/servers/\(server3.uuid)/users/\(internalUser.uuid)", key: key).status
            #expect(missing == 404)
        }
    }
}
