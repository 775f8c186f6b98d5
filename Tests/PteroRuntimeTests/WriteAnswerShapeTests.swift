import Foundation
import PteroKit
import Testing
@testable import PteroRuntime

/// A write answers one object or nothing; a list or a page that is not
/// JSON is an error naming the endpoint, never objects the script acts on
/// next (a list would make the next method call a bulk job over it).
struct WriteAnswerShapeTests {
    /// Answers the PATCH of server 1's details with `body`.
    static func answerDetails(_ harness: PanelHarness, _ body: String) {
        harness.transport.override.withLock {
            $0 = { request in
                guard request.method == .patch, request.path == "/api/application/servers/1/details" else { return nil }
                return AnswerShapeTests.json(body)
            }
        }
    }

    @Test func aWriteAnsweredWithAListIsAnErrorAndNothingElseIsSent() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        Self.answerDetails(harness, AnswerShapeTests.page(ids: [1, 2, 3], total: 3, perPage: 50, current: 1, totalPages: 1))
        let output = try await harness.run("""
            try { servers[1].update(name: "x").suspend() } catch e { print(e.message) }
            """)
        #expect(output == ["PATCH /api/application/servers/1/details answered a list of 3 servers where one object was expected; the panel accepted the write (200)"])
        #expect(!harness.requests.contains { $0.path.hasSuffix("/suspend") })
        await harness.stop()
    }

    @Test func aWriteAnsweredWithAPageThatIsNotJSONIsAnError() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        Self.answerDetails(harness, "<html>Welcome to nginx</html>")
        let output = try await harness.run("""
            try { print(servers[1].update(name: "x")) } catch e { print(e.message) }
            """)
        #expect(output == ["PATCH /api/application/servers/1/details answered something that is not JSON where one object was expected; the panel accepted the write (200)"])
        await harness.stop()
    }

    @Test(arguments: ["[]", "{}"])
    func anEmptyAnswerIsNothing(body: String) async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        Self.answerDetails(harness, body)
        let output = try await harness.run("print(servers[1].update(name: \"x\"))")
        #expect(output == ["null"])
        await harness.stop()
    }

    @Test func theObjectAnsweredIsReturned() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        let output = try await harness.run("print(servers[1].update(name: \"renamed\").name)")
        #expect(output == ["renamed"])
        await harness.stop()
    }
}
