import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/ClientControllerTest.php.
/// Each test starts, as the panel's does, with only the servers it makes (removeSeededServers).
@Suite struct ClientControllerPortTests {
    static func identifiers(_ result: SimResult) -> [String] { result.data.compactMap { $0["attributes"]?["identifier"]?.stringValue } }

    @Test func testOnlyLoggedInUsersServersAreReturned() async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let users = [sim.createUser(), sim.createUser(), sim.createUser()]
            let servers = users.map { sim.createServer(ownerId: $0.id) }
            let response = try await sim.user(.get, "", key: sim.actingAs(users[0]))
            #expect(response.status == 200)
            #expect(response.json["object"]?.stringValue == "list")
            #expect(response.item(0)?["object"]?.stringValue == "server")
            #expect(response.item(0)?["attributes"]?["identifier"]?.stringValue == servers[0].identifier)
            #expect(response.item(0)?["attributes"]?["server_owner"]?.boolValue == true)
            #expect(response.json["meta"]?["pagination"]?["total"]?.intValue == 1)
            #expect(response.json["meta"]?["pagination"]?["per_page"]?.intValue == 50)
        }
    }

    @Test func testServersAreFilteredUsingNameAndUuidInformation() async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let users = [sim.createUser(rootAdmin: true), sim.createUser()]
            let servers = [
                sim.createServer(ownerId: users[0].id, name: "Julia"),
                sim.createServer(ownerId: users[1].id, name: "Janice", uuid: "12121212-0000-4000-8000-000000000002"),
                sim.createServer(ownerId: users[1].id, name: "Julia", uuid: "88788878-1235-4789-8000-000000000003", externalId: "ext123"),
                sim.createServer(ownerId: users[1].id, name: "Jennifer", uuid: "88788878-abcd-4fgh-8000-000000000004"),
            ]
            let key1 = sim.actingAs(users[1])
            for (filter, expected) in [("Julia", [2]), ("ext123", [2]), ("ext123", [2]), ("12121212", [1]), ("88788878", [2, 3]), ("88788878-abcd", [3])] {
                let response = try await sim.user(.get, "?filter[*]=\(filter)", key: key1)
                #expect(response.status == 200)
                #expect(Self.identifiers(response) == expected.map { servers[$0].identifier }, "filter \(filter)")
            }
            let admin = try await sim.user(.get, "?filter[*]=Julia&type=admin-all", key: sim.actingAs(users[0]))
            #expect(admin.status == 200)
            #expect(Self.identifiers(admin) == [servers[0].identifier, servers[2].identifier])
        }
    }

    @Test func testServersAreFilteredUsingAllocationInformation() async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let (user, server) = sim.generateTestAccount()
            let server2 = sim.createServer(ownerId: user.id, nodeId: server.nodeId)
            sim.mutate { state in
                state.allocations[server.allocationId]?.ip = "192.168.1.1"
                state.allocations[server.allocationId]?.port = 25565
                state.allocations[server2.allocationId]?.ip = "192.168.1.1"
                state.allocations[server2.allocationId]?.port = 25570
            }
            let key = sim.actingAs(user)
            for (filter, expected) in [("192.168.1.1", [server, server2]), ("192.168.1.1:25565", [server]), (":25570", [server2]), (":255", [server, server2])] {
                let response = try await sim.user(.get, "?filter[*]=\(filter)", key: key)
                #expect(response.status == 200)
                #expect(Self.identifiers(response) == expected.map(\.identifier), "filter \(filter)")
            }
        }
    }

    @Test func testServersUserIsASubuserOfAreReturned() async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let users = [sim.createUser(), sim.createUser(), sim.createUser()]
            let servers = users.map { sim.createServer(ownerId: $0.id) }
            sim.addSubuser(userId: users[0].id, serverId: servers[1].id, permissions: ["websocket.connect"])
            let response = try await sim.user(.get, "", key: sim.actingAs(users[0]))
            #expect(response.status == 200)
            #expect(response.data.count == 2)
            #expect(response.item(0)?["attributes"]?["server_owner"]?.boolValue == true)
            #expect(response.item(0)?["attributes"]?["identifier"]?.stringValue == servers[0].identifier)
            #expect(response.item(1)?["attributes"]?["server_owner"]?.boolValue == false)
            #expect(response.item(1)?["attributes"]?["identifier"]?.stringValue == servers[1].identifier)
        }
    }

    @Test func testFilterOnlyOwnerServers() async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let users = [sim.createUser(), sim.createUser(), sim.createUser()]
            let servers = users.map { sim.createServer(ownerId: $0.id) }
            sim.addSubuser(userId: users[0].id, serverId: servers[1].id, permissions: ["websocket.connect"])
            let response = try await sim.user(.get, "?type=owner", key: sim.actingAs(users[0]))
            #expect(response.status == 200)
            #expect(response.data.count == 1)
            #expect(response.item(0)?["attributes"]?["server_owner"]?.boolValue == true)
            #expect(response.item(0)?["attributes"]?["identifier"]?.stringValue == servers[0].identifier)
        }
    }

    /// Permission::permissions() is the sim's SubuserPermissions table, compared whole with the list endpoint.
    @Test func testPermissionsAreReturned() async throws {
        try await withSim { sim in
            let response = try await sim.user(.get, "/permissions", key: sim.actingAs(sim.createUser()))
            #expect(response.status == 200)
            #expect(response.json["object"]?.stringValue == "system_permissions")
            let permissions = response.attributes["permissions"]
            #expect(keys(permissions) == ["websocket", "control", "user", "file", "backup", "allocation", "startup", "database", "schedule", "settings", "activity"])
            #expect(permissions?["control"]?["keys"]?["console"]?.stringValue == "Allows a user to send commands to the server instance via the console.")
        }
    }

    @Test func testOnlyAdminLevelServersAreReturned() async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let users = [sim.createUser(rootAdmin: true), sim.createUser(), sim.createUser(), sim.createUser()]
            let servers = users.map { sim.createServer(ownerId: $0.id) }
            sim.addSubuser(userId: users[0].id, serverId: servers[1].id, permissions: ["websocket.connect"])
            let response = try await sim.user(.get, "?type=admin", key: sim.actingAs(users[0]))
            #expect(response.status == 200)
            #expect(response.data.count == 2)
            #expect(response.data.map { $0["attributes"]?["server_owner"]?.boolValue } == [false, false])
            #expect(Self.identifiers(response) == [servers[2].identifier, servers[3].identifier])
        }
    }

    @Test func testAllServersAreReturnedToAdmin() async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let users = [sim.createUser(rootAdmin: true), sim.createUser(), sim.createUser(), sim.createUser()]
            let servers = users.map { sim.createServer(ownerId: $0.id) }
            sim.addSubuser(userId: users[0].id, serverId: servers[1].id, permissions: ["websocket.connect"])
            let response = try await sim.user(.get, "?type=admin-all", key: sim.actingAs(users[0]))
            #expect(response.status == 200)
            #expect(response.data.count == 4)
        }
    }

    /// filterTypeDataProvider.
    @Test(arguments: ["admin", "admin-all"])
    func testNoServersAreReturnedIfAdminFilterIsPassedByRegularUser(type: String) async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let users = [sim.createUser(), sim.createUser(), sim.createUser()]
            for user in users { sim.createServer(ownerId: user.id) }
            let response = try await sim.user(.get, "?type=\(type)", key: sim.actingAs(users[0]))
            #expect(response.status == 200)
            #expect(response.data.count == 0)
        }
    }

    @Test func testOnlyPrimaryAllocationIsReturnedToSubuser() async throws {
        try await withSim { sim in
            sim.removeSeededServers()
            let (user, server) = sim.generateTestAccount(permissions: ["websocket.connect"])
            sim.mutate { state in
                state.allocations[server.allocationId]?.notes = "Test notes"
                for port in [40_001, 40_002] {
                    let id = state.nextId("allocations")
                    state.allocations[id] = Allocation(id: id, nodeId: server.nodeId, ip: "10.99.1.1", alias: nil, port: port, serverId: server.id, notes: nil)
                }
            }
            let response = try await sim.user(.get, "", key: sim.actingAs(user))
            #expect(response.status == 200)
            #expect(response.data.count == 1)
            let attributes = response.item(0)?["attributes"]
            #expect(attributes?["server_owner"]?.boolValue == false)
            #expect(attributes?["uuid"]?.stringValue == server.uuid)
            let allocations = attributes?["relationships"]?["allocations"]?["data"]
            #expect(allocations?.arrayValue?.count == 1)
            #expect(allocations?[0]?["attributes"]?["id"]?.intValue == server.allocationId)
            #expect(allocations?[0]?["attributes"]?["notes"] == .null)
        }
    }
}
