import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/AccountControllerTest.php.
/// The panel acts as the user through a session (actingAs); the sim takes the user's client API key.
@Suite struct AccountControllerPortTests {
    @Test func testAccountDetailsAreReturned() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.user(.get, "/account", key: sim.actingAs(user))
            #expect(response.status == 200)
            #expect(response.json["object"]?.stringValue == "user")
            #expect(response.attributes["id"]?.intValue == user.id)
            #expect(response.attributes["admin"]?.boolValue == false)
            #expect(response.attributes["username"]?.stringValue == user.username)
            #expect(response.attributes["email"]?.stringValue == user.email)
            #expect(response.attributes["first_name"]?.stringValue == user.firstName)
            #expect(response.attributes["last_name"]?.stringValue == user.lastName)
            #expect(response.attributes["language"]?.stringValue == user.language)
        }
    }

    @Test func testEmailIsUpdated() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let email = "Xq3vB7pL0aZ9mN2r@example.com"
            let response = try await sim.user(.put, "/account/email", key: sim.actingAs(user), json: #"{"email":"\#(email)","password":"password"}"#)
            #expect(response.status == 204)
            #expect(sim.state { $0.users[user.id]?.email } == email)
        }
    }

    @Test func testEmailIsNotUpdatedWhenPasswordIsInvalid() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.user(.put, "/account/email", key: sim.actingAs(user), json: #"{"email":"hodor@example.com","password":"invalid"}"#)
            #expect(response.status == 400)
            #expect(response.errorCode == "InvalidPasswordProvidedException")
            #expect(response.errorDetail == "The password provided was invalid for this account.")
        }
    }

    @Test func testEmailIsNotUpdatedWhenNotValid() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let empty = try await sim.user(.put, "/account/email", key: sim.actingAs(user), json: #"{"email":"","password":"password"}"#)
            #expect(empty.status == 422)
            #expect(empty.firstError["meta"]?["rule"]?.stringValue == "required")
            #expect(empty.errorDetail == "The email field is required.")
            let invalid = try await sim.user(.put, "/account/email", key: sim.actingAs(user), json: #"{"email":"invalid","password":"password"}"#)
            #expect(invalid.status == 422)
            #expect(invalid.firstError["meta"]?["rule"]?.stringValue == "email")
            #expect(invalid.errorDetail == "The email must be a valid email address.")
        }
    }

    @Test func testPasswordIsUpdated() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.user(.put, "/account/password", key: sim.actingAs(user), json: """
                {"current_password":"password","password":"New_Password1","password_confirmation":"New_Password1"}
                """)
            #expect(sim.state { $0.users[user.id]?.password } == "New_Password1")
            #expect(response.status == 204)
        }
    }

    @Test func testPasswordIsNotUpdatedIfCurrentPasswordIsInvalid() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.user(.put, "/account/password", key: sim.actingAs(user), json: """
                {"current_password":"invalid","password":"New_Password1","password_confirmation":"New_Password1"}
                """)
            #expect(response.status == 400)
            #expect(response.errorCode == "InvalidPasswordProvidedException")
            #expect(response.errorDetail == "The password provided was invalid for this account.")
        }
    }

    @Test func testErrorIsReturnedForInvalidRequestData() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let missing = try await sim.user(.put, "/account/password", key: sim.actingAs(user), json: #"{"current_password":"password"}"#)
            #expect(missing.status == 422)
            #expect(missing.firstError["meta"]?["rule"]?.stringValue == "required")
            let short = try await sim.user(.put, "/account/password", key: sim.actingAs(user), json: #"{"current_password":"password","password":"pass","password_confirmation":"pass"}"#)
            #expect(short.status == 422)
            #expect(short.firstError["meta"]?["rule"]?.stringValue == "min")
        }
    }

    @Test func testErrorIsReturnedIfPasswordIsNotConfirmed() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.user(.put, "/account/password", key: sim.actingAs(user), json: """
                {"current_password":"password","password":"New_Password1","password_confirmation":"Invalid_New_Password"}
                """)
            #expect(response.status == 422)
            #expect(response.firstError["meta"]?["rule"]?.stringValue == "confirmed")
            #expect(response.errorDetail == "The password confirmation does not match.")
        }
    }
}
