import Hummingbird
import Testing
@testable import PteroSim

/// The 0.7 dialect's routes, keys and errors (pterodactyl/panel v0.7.19).
@Suite struct Pterodactyl07RouteTests {
    @Test func routesAreTheFixturesRoutes() {
        let sim = SimulatedPanel(options: .pterodactyl07()).routes.map { $0.replacingOccurrences(of: "{force}", with: "force") }
        #expect(Pterodactyl07Fixture.routes.count == 46)
        #expect(sim.sorted() == Pterodactyl07Fixture.routes.sorted())
    }

    @Test func theDefaultIs111AndItsRoutesAreUnchanged() {
        #expect(SimulatorOptions().dialect == .pterodactyl111)
        #expect(SimulatorDialect(name: "pterodactyl-1") == .pterodactyl111)
        #expect(SimulatorDialect(name: "pterodactyl-1.11") == .pterodactyl111)
        #expect(SimulatorDialect(name: "pterodactyl-0.7") == .pterodactyl07)
        #expect(SimulatorDialect(name: "pterodactyl-2") == nil)
        #expect(SimulatorDialect.allCases.filter { !$0.isSimulated }.isEmpty)
        #expect(SimulatedPanel(options: .testing()).routes.count == 111)
    }

    @Test(arguments: [
        // Not nodes/deployable: 0.7's `nodes/{node}` matches it, and the
        // binding's 404 after the throttle is not modelled.
        "/api/application/nodes/1/configuration", "/api/client/account",
        "/api/client/permissions", "/api/client/servers/abcdefgh/resources", "/api/client/servers/abcdefgh/websocket",
        "/api/client/servers/abcdefgh/files/list",
    ])
    func routesOf1xAre404(path: String) async throws {
        try await withSim(.pterodactyl07()) { sim in
            // Routing comes before the key: no key, still 404.
            for key in [nil, sim.appKey, sim.clientKey] {
                let result = try await sim.request(.get, path, key: key)
                #expect(result.status == 404, "\(path)")
                #expect(result.errorCode == "NotFoundHttpException")
                #expect(result.firstError["status"]?.stringValue == "404")
                #expect(result.errorDetail == "An error was encountered while processing this request.")
            }
        }
    }

    @Test func everyRouteAnswersWithoutAKey401WithWWWAuthenticate() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let server = sim.ownedServer().server
            for route in Pterodactyl07Fixture.routes {
                let parts = route.split(separator: " ")
                let method = HTTPRequest.Method(String(parts[0]))!
                let result = try await sim.request(method, Pterodactyl07Fixture.path(String(parts[1]), server: server), key: nil)
                #expect(result.status == 401, "\(route)")
                #expect(result.header("WWW-Authenticate") == "Bearer", "\(route)")
                #expect(result.errorCode == "HttpException", "\(route)")
            }
        }
    }

    @Test func keysHaveNoPrefixAndTheirTypeIsPartOfTheLookup() async throws {
        try await withSim(.pterodactyl07()) { sim in
            for key in [sim.appKey, sim.clientKey] {
                #expect(key.count == 48)
                #expect(!key.hasPrefix("ptla_") && !key.hasPrefix("ptlc_"))
            }
            do { let check = try await sim.app(.get, "/users").status == 200; #expect(check) }
            do { let check = try await sim.user(.get, "").status == 200; #expect(check) }
            // A client key on the application API and the reverse: not found with that type, 403.
            let clientOnApplication = try await sim.request(.get, "/api/application/users", key: sim.clientKey)
            #expect(clientOnApplication.status == 403)
            #expect(clientOnApplication.errorCode == "AccessDeniedHttpException")
            let applicationOnClient = try await sim.request(.get, "/api/client", key: sim.appKey)
            #expect(applicationOnClient.status == 403)
            // A right identifier with a wrong rest, and a short key.
            let wrong = String(sim.appKey.prefix(16)) + String(repeating: "x", count: 32)
            do { let check = try await sim.request(.get, "/api/application/users", key: wrong).status == 403; #expect(check) }
            do { let check = try await sim.request(.get, "/api/application/users", key: "short").status == 403; #expect(check) }
        }
    }

    @Test func aKeyOfANonAdminIsRefusedOnTheApplicationAPI() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let (_, key) = sim.ownedServer()
            let identifier = String(key.prefix(16))
            // Make it an application key of a non-admin user.
            sim.mutate { state in
                let id = state.apiKeyIdByIdentifier[identifier]!
                state.apiKeys[id]?.kind = .application
            }
            let result = try await sim.request(.get, "/api/application/users", key: key)
            #expect(result.status == 403)
            #expect(result.errorCode == "AccessDeniedHttpException")
        }
    }

    @Test func readOnlyApplicationKeyCannotWrite() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let readOnly = sim.state { state in
                state.sortedValues(state.apiKeys).first { $0.kind == .application && $0.permissions["users"] == 1 }!.token
            }
            do { let check = try await sim.request(.get, "/api/application/users", key: readOnly).status == 200; #expect(check) }
            let write = try await sim.request(.post, "/api/application/locations", key: readOnly, json: #"{"short":"x"}"#)
            #expect(write.status == 403)
            #expect(write.errorCode == "AccessDeniedHttpException")
        }
    }

    @Test func validationErrorsNameTheirFieldInSource() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let result = try await sim.app(.post, "/users", json: "{}")
            #expect(result.status == 422)
            let email = result.errors.first { $0["source"]?["field"]?.stringValue == "email" }
            #expect(keys(email) == ["code", "detail", "source"])
            #expect(email?["code"]?.stringValue == "required")
            #expect(email?["detail"]?.stringValue == "The email field is required.")
            #expect(result.errors.allSatisfy { $0["status"] == nil && $0["meta"] == nil })
        }
    }

    @Test func otherErrorsHaveTheGenericDetail() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let missing = try await sim.app(.get, "/users/99999")
            #expect(missing.status == 404)
            #expect(keys(missing.firstError) == ["code", "status", "detail"])
            #expect(missing.errorDetail == "An error was encountered while processing this request.")
        }
    }
}
