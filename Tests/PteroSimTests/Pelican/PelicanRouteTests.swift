import Hummingbird
import Testing
@testable import PteroSim

/// The Pelican dialect's routes and keys (pelican-dev/panel 235c8fb).
@Suite struct PelicanRouteTests {
    /// Every route of Pelican's route files, and no other.
    @Test func routesAreTheFixturesRoutes() {
        let sim = SimulatedPanel(options: .pelican()).routes
        #expect(PelicanFixture.routes.count == 145)
        #expect(sim.sorted() == PelicanFixture.routes.sorted())
        #expect(sim.count == 145)
    }

    @Test(arguments: ["/locations", "/locations/1", "/nests", "/nests/1", "/nests/1/eggs", "/nests/1/eggs/1"])
    func locationsAndNestsAre404(path: String) async throws {
        try await withSim(.pelican()) { sim in
            let result = try await sim.app(.get, path)
            #expect(result.status == 404, "\(path)")
            #expect(result.errorCode == "NotFoundHttpException")
        }
    }

    /// No two-factor routes; `POST ssh-keys/remove` fits `DELETE ssh-keys/{fingerprint}`, so 405.
    @Test func twoFactorIs404AndTheOldSSHKeyRemoval405() async throws {
        try await withSim(.pelican()) { sim in
            for path in ["/account/two-factor", "/account/two-factor/disable"] {
                do { let status = try await sim.user(.post, path, json: "{}").status; #expect(status == 404, "\(path)") }
            }
            let old = try await sim.user(.post, "/account/ssh-keys/remove", json: #"{"fingerprint":"x"}"#)
            #expect(old.status == 405)
            #expect(old.header("Allow") == "DELETE")
        }
    }

    @Test func pelicanIsSimulatedAndNamed() {
        #expect(SimulatorDialect(name: "pelican") == .pelican)
        #expect(SimulatorDialect(name: "Pelican") == .pelican)
        #expect(SimulatorDialect.pelican.isSimulated)
    }

    /// `ApiKey::getPrefixForType`: `papp_` application, `pacc_` account keys, 16-character identifiers.
    @Test func keysCarryPelicansPrefixes() async throws {
        try await withSim(.pelican()) { sim in
            #expect(sim.appKey.hasPrefix("papp_") && sim.appKey.count == 48)
            #expect(sim.clientKey.hasPrefix("pacc_") && sim.clientKey.count == 48)
            let prefixes = sim.state { state in Set(state.apiKeys.values.map { String($0.identifier.prefix(5)) }) }
            #expect(prefixes == ["papp_", "pacc_"])
            do { let status = try await sim.app(.get, "/users").status; #expect(status == 200) }
            do { let status = try await sim.user(.get, "").status; #expect(status == 200) }
            // A key made through the API is an account key too.
            let made = try await sim.user(.post, "/account/api-keys", json: #"{"description":"made"}"#)
            #expect(made.status == 200)
            #expect(made.attributes["identifier"]?.stringValue?.hasPrefix("pacc_") == true)
        }
    }

    @Test func givenKeysAreKept() async throws {
        let applicationKey = "peli_" + String(repeating: "a", count: 43)
        let clientKey = "plcn_" + String(repeating: "b", count: 43)
        var options = SimulatorOptions.pelican()
        options.applicationKey = applicationKey
        options.clientKey = clientKey
        try await withSim(options) { sim in
            #expect(sim.appKey == applicationKey)
            #expect(sim.clientKey == clientKey)
            do { let status = try await sim.app(.get, "/servers").status; #expect(status == 200) }
        }
    }
}
