import Testing
@testable import PteroSim

@Suite struct SmokeTests {
    @Test func applicationServerViewHasPanelEnvelope() async throws {
        try await withSim { sim in
            let result = try await sim.app(.get, "/servers/1")
            #expect(result.status == 200)
            #expect(result.json["object"]?.stringValue == "server")
            #expect(result.attributes["id"]?.intValue == 1)
            #expect(keys(result.json) == ["object", "attributes"])
        }
    }
}
