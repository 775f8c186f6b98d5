import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/Server/Schedule/ScheduleAuthorizationTest.php.
@Suite struct ScheduleAuthorizationPortTests {
    /// methodDataProvider.
    @Test(arguments: [("GET", ""), ("POST", ""), ("DELETE", ""), ("POST", "/execute"), ("POST", "/tasks")])
    func testAccessToAServersSchedulesIsRestrictedProperly(method: String, endpoint: String) async throws {
        try await withSim { sim in
            let (user, server1) = sim.generateTestAccount()
            let server2 = sim.createServer(ownerId: sim.createUser().id)
            let server3 = sim.createServer(ownerId: sim.createUser().id)
            sim.addSubuser(userId: user.id, serverId: server2.id, permissions: ["websocket.connect"])
            let schedule1 = sim.createSchedule(for: server1)
            let schedule2 = sim.createSchedule(for: server2)
            let schedule3 = sim.createSchedule(for: server3)
            let key = sim.actingAs(user)
            func link(_ server: Server, _ schedule: Schedule) -> String { "/servers/\(server.uuid)/schedules/\(schedule.id)\(endpoint)" }
            let valid = try await sim.client(method, link(server1, schedule1), key: key).status
            #expect(valid <= 204 || valid == 400 || valid == 422, "\(valid)")
            let forbidden = try await sim.client(method, link(server2, schedule2), key: key).status
            #expect(forbidden == 403)
            for (server, schedule) in [(server1, schedule2), (server1, schedule3), (server2, schedule3), (server3, schedule3)] {
                let status = try await sim.client(method, link(server, schedule), key: key).status
                #expect(status == 404, "\(server.id) \(schedule.id)")
            }
        }
    }
}
