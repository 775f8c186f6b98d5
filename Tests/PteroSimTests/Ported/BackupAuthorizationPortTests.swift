import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/Server/Backup/BackupAuthorizationTest.php.
/// The panel mocks DeleteBackupService; the sim deletes the backup itself.
@Suite struct BackupAuthorizationPortTests {
    /// methodDataProvider.
    @Test(arguments: [("GET", ""), ("GET", "/download"), ("DELETE", "")])
    func testAccessToAServersBackupIsRestrictedProperly(method: String, endpoint: String) async throws {
        try await withSim { sim in
            let (user, server1) = sim.generateTestAccount()
            let server2 = sim.createServer(ownerId: sim.createUser().id)
            let server3 = sim.createServer(ownerId: sim.createUser().id)
            sim.addSubuser(userId: user.id, serverId: server2.id, permissions: ["websocket.connect"])
            let backup1 = sim.createBackup(for: server1)
            let backup2 = sim.createBackup(for: server2)
            let backup3 = sim.createBackup(for: server3)
            let key = sim.actingAs(user)
            func link(_ server: Server, _ backup: Backup) -> String { "/servers/\(server.uuid)/backups/\(backup.uuid)\(endpoint)" }
            let valid = try await sim.client(method, link(server1, backup1), key: key).status
            #expect(valid == (method == "DELETE" ? 204 : 200))
            let forbidden = try await sim.client(method, link(server2, backup2), key: key).status
            #expect(forbidden == 403)
            for (server, backup) in [(server1, backup2), (server1, backup3), (server2, backup3), (server3, backup3)] {
                let status = try await sim.client(method, link(server, backup), key: key).status
                #expect(status == 404, "\(server.id) \(backup.id)")
            }
        }
    }
}
