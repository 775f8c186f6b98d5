import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/ApiKeyControllerTest.php.
/// The panel acts through a session; the sim through the user's own client key, which is one more key
/// in the user's list (so a listed factory key is found by identifier, not as `data.0`).
@Suite struct ApiKeyControllerPortTests {
    @Test func testApiKeysAreReturned() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let key = sim.createApiKey(userId: user.id)
            let response = try await sim.user(.get, "/account/api-keys", key: sim.actingAs(user))
            #expect(response.status == 200)
            #expect(response.json["object"]?.stringValue == "list")
            let item = response.data.first { $0["attributes"]?["identifier"]?.stringValue == key.identifier }
            #expect(item?["object"]?.stringValue == "api_key")
            expectApiKeyAttributes(item?["attributes"], key)
        }
    }

    /// validIPAddressDataProvider.
    @Test(arguments: [[], ["127.0.0.1"], ["127.0.0.1", "::1"], ["::ffff:7f00:1"], ["127.0.0.1", "192.168.1.100", "192.168.10.10/28"],
                      ["127.0.0.1/32", "192.168.100.100/27", "::1", "::1/128"]])
    func testApiKeyCanBeCreatedForAccount(data: [String]) async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let other = sim.createUser()
            for _ in 0..<10 { sim.createApiKey(userId: other.id) }
            let ips = "[" + data.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            let response = try await sim.user(.post, "/account/api-keys", key: sim.actingAs(user), json: #"{"description":"Test Description","allowed_ips":\#(ips)}"#)
            #expect(response.status == 200)
            #expect(response.json["object"]?.stringValue == "api_key")
            let identifier = try #require(response.attributes["identifier"]?.stringValue)
            let key = try #require(sim.state { state in state.apiKeys.values.first { $0.identifier == identifier } })
            expectApiKeyAttributes(response.attributes, key)
            #expect(key.allowedIps == data)
            #expect(response.json["meta"]?["secret_token"]?.stringValue == key.secret)
            #expect(sim.activity("user:api-key.create", by: user.id).count == 1)
        }
    }

    @Test func testApiKeyCannotSpecifyMoreThanFiftyIps() async throws {
        try await withSim { sim in
            let ips = (0..<100).map { "\"127.0.0.\($0)\"" }.joined(separator: ",")
            let response = try await sim.user(.post, "/account/api-keys", key: sim.actingAs(sim.createUser()),
                                              json: #"{"description":"Test Data","allowed_ips":[\#(ips)]}"#)
            #expect(response.status == 422)
            #expect(response.errorDetail == "The allowed ips may not have more than 50 items.")
        }
    }

    @Test func testApiKeyLimitIsApplied() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            for _ in 0..<25 { sim.createApiKey(userId: user.id) }
            let response = try await sim.user(.post, "/account/api-keys", key: sim.actingAs(user),
                                              json: #"{"description":"Test Description","allowed_ips":["127.0.0.1"]}"#)
            #expect(response.status == 400)
            #expect(response.errorCode == "DisplayException")
            #expect(response.errorDetail == "You have reached the account limit for number of API keys.")
        }
    }

    @Test func testValidationErrorIsReturnedForBadRequests() async throws {
        try await withSim { sim in
            let key = sim.actingAs(sim.createUser())
            let empty = try await sim.user(.post, "/account/api-keys", key: key, json: #"{"description":"","allowed_ips":["127.0.0.1"]}"#)
            #expect(empty.status == 422)
            #expect(empty.firstError["meta"]?["rule"]?.stringValue == "required")
            #expect(empty.errorDetail == "The description field is required.")
            let long = try await sim.user(.post, "/account/api-keys", key: key,
                                          json: #"{"description":"\#(String(repeating: "a", count: 501))","allowed_ips":["127.0.0.1"]}"#)
            #expect(long.status == 422)
            #expect(long.firstError["meta"]?["rule"]?.stringValue == "max")
            #expect(long.errorDetail == "The description may not be greater than 500 characters.")
            let ips = try await sim.user(.post, "/account/api-keys", key: key, json: #"{"description":"Foobar","allowed_ips":["hodor","127.0.0.1","hodor/24"]}"#)
            #expect(ips.status == 422)
            #expect(ips.errors.count >= 2)
            #expect(ips.errors[0]["detail"]?.stringValue == "\"hodor\" is not a valid IP address or CIDR range.")
            #expect(ips.errors[0]["meta"]?["source_field"]?.stringValue == "allowed_ips.0")
            #expect(ips.errors[1]["detail"]?.stringValue == "\"hodor/24\" is not a valid IP address or CIDR range.")
            #expect(ips.errors[1]["meta"]?["source_field"]?.stringValue == "allowed_ips.2")
        }
    }

    @Test func testApiKeyCanBeDeleted() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let key = sim.createApiKey(userId: user.id)
            let response = try await sim.user(.delete, "/account/api-keys/\(key.identifier)", key: sim.actingAs(user))
            #expect(response.status == 204)
            #expect(sim.state { $0.apiKeys[key.id] } == nil)
            #expect(sim.activity("user:api-key.delete", by: user.id).count == 1)
        }
    }

    @Test func testNonExistentApiKeyDeletionReturns404Error() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let key = sim.createApiKey(userId: user.id)
            let response = try await sim.user(.delete, "/account/api-keys/1234", key: sim.actingAs(user))
            #expect(response.status == 404)
            #expect(sim.state { $0.apiKeys[key.id] } != nil)
            #expect(sim.activity("user:api-key.delete", by: user.id).isEmpty)
        }
    }

    @Test func testApiKeyBelongingToAnotherUserCannotBeDeleted() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let other = sim.createUser()
            let key = sim.createApiKey(userId: other.id)
            let response = try await sim.user(.delete, "/account/api-keys/\(key.identifier)", key: sim.actingAs(user))
            #expect(response.status == 404)
            #expect(sim.state { $0.apiKeys[key.id] } != nil)
            #expect(sim.activity("user:api-key.delete", by: user.id).isEmpty)
        }
    }

    @Test func testApplicationApiKeyCannotBeDeleted() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let key = sim.createApiKey(userId: user.id, kind: .application)
            let response = try await sim.user(.delete, "/account/api-keys/\(key.identifier)", key: sim.actingAs(user))
            #expect(response.status == 404)
            #expect(sim.state { $0.apiKeys[key.id] } != nil)
        }
    }
}
