import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Application/Users/ExternalUserControllerTest.php.
@Suite struct ExternalUserControllerPortTests {
    @Test func testGetRemoteUser() async throws {
        try await withSim { sim in
            let user = sim.createUser(externalId: "RandomExternal16")
            let response = try await sim.app(.get, "/users/external/\(user.externalId!)")
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(hasKeys(response.attributes, userAttributeKeys))
            #expect(response.json["object"]?.stringValue == "user")
            expectUserAttributes(response.attributes, user)
        }
    }

    @Test func testGetMissingUser() async throws {
        try await withSim { sim in
            expectNotFoundJson(try await sim.app(.get, "/users/external/nil"))
        }
    }

    @Test func testErrorReturnedIfNoPermission() async throws {
        try await withSim { sim in
            let user = sim.createUser(externalId: "RandomExternal16")
            let key = sim.applicationKey(overriding: ["users": 0])
            expectAccessDeniedJson(try await sim.request(.get, "/api/application/users/external/\(user.externalId!)", key: key))
        }
    }
}
