import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/TwoFactorControllerTest.php.
/// The user's pending TOTP secret stands for `totp_secret` before 2FA is on. The panel's tests disable 2FA with
/// `DELETE /api/client/account/two-factor`, but v1.11.8's routes/api-client.php routes it as
/// `POST /api/client/account/two-factor/disable` (a DELETE is a 405 there too), so these ports use the route.
@Suite struct TwoFactorControllerPortTests {
    @Test func testTwoFactorImageDataIsReturned() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            #expect(user.twoFactorEnabled == false)
            #expect(user.pendingTotpSecret == nil)
            #expect(user.totpAuthenticatedAt == nil)
            let response = try await sim.user(.get, "/account/two-factor", key: sim.actingAs(user))
            #expect(response.status == 200)
            #expect(hasStructure(response.json, ["data.image_url_data"]))
            let fresh = try #require(sim.state { $0.users[user.id] })
            #expect(fresh.twoFactorEnabled == false)
            #expect(fresh.pendingTotpSecret?.isEmpty == false)
            #expect(fresh.totpAuthenticatedAt == nil)
        }
    }

    @Test func testErrorIsReturnedWhenTwoFactorIsAlreadyEnabled() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            sim.mutate { $0.users[user.id]?.twoFactorEnabled = true }
            let response = try await sim.user(.get, "/account/two-factor", key: sim.actingAs(user))
            #expect(response.status == 400)
            #expect(response.errorCode == "BadRequestHttpException")
            #expect(response.errorDetail == "Two-factor authentication is already enabled on this account.")
        }
    }

    @Test func testValidationErrorIsReturnedIfInvalidDataIsPassedToEnabled2FA() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.user(.post, "/account/two-factor", key: sim.actingAs(user), json: #"{"code":""}"#)
            #expect(response.status == 422)
            #expect(response.errors.count >= 2)
            #expect(response.errors[0]["meta"]?["rule"]?.stringValue == "required")
            #expect(response.errors[0]["meta"]?["source_field"]?.stringValue == "code")
            #expect(response.errors[1]["meta"]?["rule"]?.stringValue == "required")
            #expect(response.errors[1]["meta"]?["source_field"]?.stringValue == "password")
        }
    }

    @Test func testTwoFactorCanBeDisabledOnAccount() async throws {
        var options = SimulatorOptions.testing()
        options.clock = .manual(start: 1_900_000_000)
        try await withSim(options) { sim in
            let user = sim.createUser()
            sim.mutate { $0.users[user.id]?.twoFactorEnabled = true }
            let invalid = try await sim.user(.post, "/account/two-factor/disable", key: sim.actingAs(user), json: #"{"password":"invalid"}"#)
            #expect(invalid.status == 400)
            #expect(invalid.errorCode == "BadRequestHttpException")
            #expect(invalid.errorDetail == "The password provided was not valid.")
            let response = try await sim.user(.post, "/account/two-factor/disable", key: sim.actingAs(user), json: #"{"password":"password"}"#)
            #expect(response.status == 204)
            let fresh = try #require(sim.state { $0.users[user.id] })
            #expect(fresh.twoFactorEnabled == false)
            #expect(fresh.totpAuthenticatedAt == 1_900_000_000)
        }
    }

    @Test func testNoErrorIsReturnedIfTwoFactorIsNotEnabled() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.user(.post, "/account/two-factor/disable", key: sim.actingAs(user), json: #"{"password":"password"}"#)
            #expect(response.status == 204)
        }
    }

    @Test func testEnablingTwoFactorRequiresValidPassword() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let response = try await sim.user(.post, "/account/two-factor", key: sim.actingAs(user), json: #"{"code":"123456","password":"foo"}"#)
            #expect(response.status == 400)
            #expect(response.errorDetail == "The password provided was not valid.")
            #expect(sim.state { $0.users[user.id]?.twoFactorEnabled } == false)
        }
    }

    @Test func testDisablingTwoFactorRequiresValidPassword() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            sim.mutate { $0.users[user.id]?.twoFactorEnabled = true }
            let response = try await sim.user(.post, "/account/two-factor/disable", key: sim.actingAs(user), json: #"{"password":"foo"}"#)
            #expect(response.status == 400)
            #expect(response.errorDetail == "The password provided was not valid.")
            #expect(sim.state { $0.users[user.id]?.twoFactorEnabled } == true)
        }
    }
}
