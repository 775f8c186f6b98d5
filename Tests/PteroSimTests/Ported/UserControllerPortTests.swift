import Hummingbird
import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Application/Users/UserControllerTest.php.
@Suite struct UserControllerPortTests {
    /// The panel's database holds the API user and one factory user; here the other seeded users go.
    @Test func testGetUsers() async throws {
        try await withSim { sim in
            sim.mutate { state in state.users = state.users.filter { $0.key == 1 } }
            let user = sim.createUser()
            let admin = try #require(sim.state { $0.users[1] })
            let response = try await sim.app(.get, "/users?per_page=60")
            #expect(response.status == 200)
            #expect(response.data.count == 2)
            #expect(response.json["object"]?.stringValue == "list")
            #expect(response.data.allSatisfy { $0["object"]?.stringValue == "user" && hasKeys($0["attributes"], userAttributeKeys) })
            let pagination = response.json["meta"]?["pagination"]
            #expect(pagination?["total"]?.intValue == 2)
            #expect(pagination?["count"]?.intValue == 2)
            #expect(pagination?["per_page"]?.intValue == 60)
            #expect(pagination?["current_page"]?.intValue == 1)
            #expect(pagination?["total_pages"]?.intValue == 1)
            expectUserAttributes(response.data.first { $0["attributes"]?["id"]?.intValue == admin.id }?["attributes"], admin)
            expectUserAttributes(response.data.first { $0["attributes"]?["id"]?.intValue == user.id }?["attributes"], user)
        }
    }

    @Test func testGetSingleUser() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.app(.get, "/users/\(user.id)")
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(hasKeys(response.attributes, userAttributeKeys))
            #expect(response.json["object"]?.stringValue == "user")
            expectUserAttributes(response.attributes, user)
        }
    }

    /// The panel makes a server for the new user; here a seeded server changes owner.
    @Test func testRelationshipsCanBeLoaded() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            sim.mutate { $0.servers[1]?.ownerId = user.id }
            let response = try await sim.app(.get, "/users/\(user.id)?include=servers")
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(hasKeys(response.attributes, userAttributeKeys + ["relationships"]))
            let servers = response.attributes["relationships"]?["servers"]
            #expect(servers?["object"]?.stringValue == "list")
            #expect(servers?["data"]?.arrayValue?.count == 1)
            #expect(servers?["data"]?[0]?["object"]?.stringValue == "server")
            let serverView = try await sim.app(.get, "/servers/1")
            #expect(servers?["data"]?[0]?["attributes"] == serverView.attributes)
        }
    }

    @Test func testKeyWithoutPermissionCannotLoadRelationship() async throws {
        try await withSim { sim in
            let key = sim.applicationKey(overriding: ["servers": 0])
            let user = sim.createUser()
            sim.mutate { $0.servers[1]?.ownerId = user.id }
            let response = try await sim.request(.get, "/api/application/users/\(user.id)?include=servers", key: key)
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(keys(response.attributes["relationships"]) == ["servers"])
            #expect(hasKeys(response.attributes["relationships"]?["servers"], ["object", "attributes"]))
            #expect(response.attributes["relationships"]?["servers"]?["object"]?.stringValue == "null_resource")
            #expect(response.attributes["relationships"]?["servers"]?["attributes"] == .null)
        }
    }

    @Test func testGetMissingUser() async throws {
        try await withSim { sim in
            expectNotFoundJson(try await sim.app(.get, "/users/nil"))
        }
    }

    @Test func testErrorReturnedIfNoPermission() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let key = sim.applicationKey(overriding: ["users": 0])
            expectAccessDeniedJson(try await sim.request(.get, "/api/application/users/\(user.id)", key: key))
        }
    }

    @Test func testCreateUser() async throws {
        try await withSim { sim in
            let response = try await sim.app(.post, "/users", json: #"{"username":"testuser","email":"test@example.com","first_name":"Test","last_name":"User"}"#)
            #expect(response.status == 201)
            #expect(keys(response.json) == ["object", "attributes", "meta"])
            #expect(hasKeys(response.attributes, userAttributeKeys))
            let user = try #require(sim.state { $0.users.values.first { $0.username == "testuser" } })
            #expect(user.email == "test@example.com")
            #expect(response.json["object"]?.stringValue == "user")
            expectUserAttributes(response.attributes, user)
            #expect(response.json["meta"]?["resource"]?.stringValue?.hasSuffix("/api/application/users/\(user.id)") == true)
        }
    }

    @Test func testUpdateUser() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.app(.patch, "/users/\(user.id)", json: """
                {"username":"new.test.name","email":"new@emailtest.com","first_name":"\(user.firstName)","last_name":"\(user.lastName)"}
                """)
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(hasKeys(response.attributes, userAttributeKeys))
            let fresh = try #require(sim.state { $0.users[user.id] })
            #expect(fresh.username == "new.test.name")
            #expect(fresh.email == "new@emailtest.com")
            #expect(response.json["object"]?.stringValue == "user")
            expectUserAttributes(response.attributes, fresh)
        }
    }

    @Test func testDeleteUser() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            #expect(sim.state { $0.users[user.id] } != nil)
            let response = try await sim.app(.delete, "/users/\(user.id)")
            #expect(response.status == 204)
            #expect(sim.state { $0.users[user.id] } == nil)
        }
    }

    /// userWriteEndpointsDataProvider: a read-only users key may not write.
    @Test(arguments: [("POST", "/api/application/users"), ("PATCH", "/api/application/users/{id}"), ("DELETE", "/api/application/users/{id}")])
    func testApiKeyWithoutWritePermissions(method: String, url: String) async throws {
        try await withSim { sim in
            let key = sim.applicationKey(overriding: ["users": 1])
            var url = url
            if url.contains("{id}") { url = url.replacingOccurrences(of: "{id}", with: String(sim.createUser().id)) }
            let response = try await sim.request(HTTPRequest.Method(method)!, url, key: key, json: method == "DELETE" ? nil : "{}")
            expectAccessDeniedJson(response)
        }
    }
}
