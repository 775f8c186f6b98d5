import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/Server/Database/DatabaseAuthorizationTest.php.
/// The panel mocks DatabasePasswordService / DatabaseManagementService; the sim rotates and deletes itself.
@Suite struct DatabaseAuthorizationPortTests {
    /// methodDataProvider.
    @Test(arguments: [("POST", "/rotate-password"), ("DELETE", "")])
    func testAccessToAServersDatabasesIsRestrictedProperly(method: String, endpoint: String) async throws {
        try await withSim { sim in
            let (user, server1) = sim.generateTestAccount()
            let server2 = sim.createServer(ownerId: sim.createUser().id)
            let server3 = sim.createServer(ownerId: sim.createUser().id)
            sim.addSubuser(userId: user.id, serverId: server2.id, permissions: ["websocket.connect"])
            let database1 = sim.createDatabase(for: server1)
            let database2 = sim.createDatabase(for: server2)
            let database3 = sim.createDatabase(for: server3)
            let key = sim.actingAs(user)
            func link(_ server: Server, _ database: ServerDatabase) -> String { "/servers/\(server.uuid)/databases/\(HashId.encode(database.id))\(endpoint)" }
            let valid = try await sim.client(method, link(server1, database1), key: key).status
            #expect(valid == (method == "DELETE" ? 204 : 200))
            let forbidden = try await sim.client(method, link(server2, database2), key: key).status
            #expect(forbidden == 403)
            for (server, database) in [(server1, database2), (server1, database3), (server2, database3), (server3, database3)] {
                let status = try await sim.client(method, link(server, database), key: key).status
                #expect(status == 404, "\(server.id) \(database.id)")
            }
        }
    }
}
