import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/Server/Allocation/AllocationAuthorizationTest.php.
@Suite struct AllocationAuthorizationPortTests {
    /// methodDataProvider.
    @Test(arguments: [("POST", ""), ("DELETE", ""), ("POST", "/primary")])
    func testAccessToAServersAllocationsIsRestrictedProperly(method: String, endpoint: String) async throws {
        try await withSim { sim in
            let (user, server1) = sim.generateTestAccount()
            let server2 = sim.createServer(ownerId: sim.createUser().id)
            let server3 = sim.createServer(ownerId: sim.createUser().id)
            // SubuserFactory's default permissions: websocket.connect only.
            sim.addSubuser(userId: user.id, serverId: server2.id, permissions: ["websocket.connect"])
            let allocation1 = sim.createAllocation(for: server1)
            let allocation2 = sim.createAllocation(for: server2)
            let allocation3 = sim.createAllocation(for: server3)
            let key = sim.actingAs(user)
            func link(_ server: Server, _ allocation: Allocation) -> String { "/servers/\(server.uuid)/network/allocations/\(allocation.id)\(endpoint)" }
            let valid = try await sim.client(method, link(server1, allocation1), key: key).status
            #expect(valid <= 204 || valid == 400 || valid == 422, "\(valid)")
            let forbidden = try await sim.client(method, link(server2, allocation2), key: key).status
            #expect(forbidden == 403)
            for (server, allocation) in [(server1, allocation2), (server1, allocation3), (server2, allocation3), (server3, allocation3)] {
                let status = try await sim.client(method, link(server, allocation), key: key).status
                #expect(status == 404, "\(server.id) \(allocation.id)")
            }
        }
    }
}
