import Foundation
import PteroKit
import Testing
@testable import PteroRuntime

/// Answers of the wrong shape (issue 12, items 4c and 8): every answer is
/// checked against what its endpoint promises, and a wrong one is an error
/// that names the endpoint, never a wrong count, a bulk job or an endless loop.
struct AnswerShapeTests {
    static func json(_ text: String) -> PanelResponse {
        PanelResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(text.utf8))
    }

    static func server(_ id: Int) -> String {
        #"{"object":"server","attributes":{"id":\#(id),"identifier":"abcd000\#(id)","name":"s\#(id)","node":1}}"#
    }

    /// A list page as the panel sends it, with the numbers given.
    static func page(ids: [Int], total: Int, perPage: Int, current: Int, totalPages: Int) -> String {
        #"{"object":"list","data":[\#(ids.map(server).joined(separator: ","))],"meta":{"pagination":{"total":\#(total),"count":\#(ids.count),"per_page":\#(perPage),"current_page":\#(current),"total_pages":\#(totalPages),"links":{}}}}"#
    }

    /// Answers every listing of servers with `answer(page)`.
    static func answerServerListings(_ harness: PanelHarness, _ answer: @escaping @Sendable (Int) -> String) {
        harness.transport.override.withLock {
            $0 = { request in
                guard request.method == .get, request.path == "/api/application/servers" else { return nil }
                let page = Int(request.query.first { $0.name == "page" }?.value ?? "1") ?? 1
                return json(answer(page))
            }
        }
    }

    @Test func anItemEndpointAnsweringAListIsAnErrorAndNothingIsSuspended() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        harness.transport.override.withLock {
            $0 = { request in
                guard request.method == .get, request.path == "/api/application/servers/1" else { return nil }
                return Self.json(Self.page(ids: [1, 2, 3], total: 3, perPage: 50, current: 1, totalPages: 1))
            }
        }
        let output = try await harness.run("""
            try { servers[1].suspend() } catch e { print(e.message) }
            """)
        #expect(output == ["GET /api/application/servers/1 answered a list of 3 servers where one server was expected"])
        #expect(!harness.requests.contains { $0.path.hasSuffix("/suspend") })
        await harness.stop()
    }

    @Test func anItemOfAnotherKindIsAnError() async throws {
        let harness = try await PanelHarness(servers: 3)
        harness.transport.override.withLock {
            $0 = { request in
                request.path == "/api/application/servers/2"
                    ? Self.json(#"{"object":"node","attributes":{"id":2,"name":"n"}}"#) : nil
            }
        }
        let output = try await harness.run("try { print(servers[2]) } catch e { print(e.message) }")
        #expect(output == ["GET /api/application/servers/2 answered one node where one server was expected"])
        await harness.stop()
    }

    @Test(arguments: [
        ("[1,2,3]", "GET /api/application/servers answered a JSON array of 3 where a list of servers was expected"),
        (#"{"data":"oops"}"#, "GET /api/application/servers answered an object without 'object' where a list of servers was expected"),
        (#"{"object":"list","data":"oops"}"#, "GET /api/application/servers answered a list without a 'data' array where a list of servers was expected"),
        (#"{"object":"list","data":[1]}"#, "GET /api/application/servers answered a list holding an int where a list of servers was expected"),
        (#"{"object":"list","data":[{"object":"node","attributes":{"id":1}}]}"#,
         "GET /api/application/servers answered a list holding one node where a list of servers was expected"),
        (page(ids: [], total: -5, perPage: 1, current: 1, totalPages: 1), "GET /api/application/servers answered a total of -5 items"),
        (#"{"object":"list","data":[],"meta":{"pagination":{"total":"many","count":0,"per_page":1,"current_page":1,"total_pages":1}}}"#,
         "GET /api/application/servers answered a list whose meta.pagination.total is \"many\", not a whole number"),
    ])
    func aListOfTheWrongShapeIsAnErrorNotACount(body: String, message: String) async throws {
        let harness = try await PanelHarness(servers: 3)
        Self.answerServerListings(harness) { _ in body }
        let output = try await harness.run("""
            try { print(servers.count) } catch e { print(e.message) }
            try { print(len(servers.list)) } catch e { print(e.message) }
            """)
        #expect(output == [message, message])
        await harness.stop()
    }

    @Test func aHugeTotalPagesIsAnErrorNotAnEndlessListing() async throws {
        let harness = try await PanelHarness(servers: 3)
        Self.answerServerListings(harness) { page in Self.page(ids: [page], total: 3, perPage: 100, current: page, totalPages: 1_000_000) }
        let output = try await harness.run("try { print(len(servers.list)) } catch e { print(e.message) }")
        #expect(output == ["GET /api/application/servers answered total_pages 1000000 where 3 items at 100 a page make 1"])
        #expect(harness.requests.count == 1)
        await harness.stop()
    }

    @Test func aPanelIgnoringThePageNumberIsARepeatedPage() async throws {
        let harness = try await PanelHarness(servers: 3)
        Self.answerServerListings(harness) { _ in Self.page(ids: Array(1...100), total: 250, perPage: 100, current: 1, totalPages: 3) }
        let output = try await harness.run("try { print(len(servers.list)) } catch e { print(e.message) }")
        #expect(output == ["GET /api/application/servers answered page 1 when page 2 was asked for (a repeated page)"])
        await harness.stop()
    }

    @Test func theSameItemsUnderTheNextPageNumberAreARepeatedPage() async throws {
        let harness = try await PanelHarness(servers: 3)
        Self.answerServerListings(harness) { page in Self.page(ids: Array(1...100), total: 250, perPage: 100, current: page, totalPages: 3) }
        let output = try await harness.run("try { print(len(servers.list)) } catch e { print(e.message) }")
        #expect(output == ["GET /api/application/servers answered page 2 with the items of page 1 (a repeated page)"])
        await harness.stop()
    }

    @Test func aTotalThatChangesMidListingIsAnError() async throws {
        let harness = try await PanelHarness(servers: 3)
        Self.answerServerListings(harness) { page in
            page == 1 ? Self.page(ids: Array(1...100), total: 150, perPage: 100, current: 1, totalPages: 2)
                : Self.page(ids: Array(101...200), total: 250, perPage: 100, current: page, totalPages: 3)
        }
        let output = try await harness.run("try { print(len(servers.list)) } catch e { print(e.message) }")
        #expect(output.count == 1)
        #expect(output.first?.hasPrefix("GET /api/application/servers answered a total that changed mid-listing (150 items at 100 a page, then 250 at 100): the list changed while it was read") == true, "\(output)")
        await harness.stop()
    }

    @Test func aShortPageBeforeTheLastIsAnError() async throws {
        let harness = try await PanelHarness(servers: 3)
        Self.answerServerListings(harness) { page in
            Self.page(ids: page == 1 ? Array(1...100) : [101], total: 300, perPage: 100, current: page, totalPages: 3)
        }
        let output = try await harness.run("try { print(len(servers.list)) } catch e { print(e.message) }")
        #expect(output == ["GET /api/application/servers answered page 2 of 3 holding 1 of the 100 items due (300 in all, 100 a page)"])
        await harness.stop()
    }

    @Test func aWellFormedListingStillWorks() async throws {
        let harness = try await PanelHarness(servers: 3)
        Self.answerServerListings(harness) { page in
            Self.page(ids: page == 1 ? Array(1...100) : [101, 102], total: 102, perPage: 100, current: page, totalPages: 2)
        }
        let output = try await harness.run("print(len(servers.list), servers.count, servers.first.name)")
        #expect(output == ["102 102 s1"])
        await harness.stop()
    }

    @Test func aServersOwnAnswersAreCheckedToo() async throws {
        let harness = try await PanelHarness(servers: 3)
        harness.transport.override.withLock {
            $0 = { request in
                if request.path.hasSuffix("/files/list") { return Self.json(#"{"data":"oops"}"#) }
                if request.path.hasSuffix("/startup") { return Self.json("[1,2,3]") }
                if request.path.hasPrefix("/api/application/nodes/") { return Self.json(Self.page(ids: [1], total: 1, perPage: 50, current: 1, totalPages: 1)) }
                return nil
            }
        }
        let output = try await harness.run("""
            let s = servers.first
            let own = "/api/client/servers/" + s.identifier
            try { s.files("/") } catch e { print(e.message.replace(own, "CLIENT")) }
            try { s.startup.command } catch e { print(e.message.replace(own, "CLIENT")) }
            try { s.node_ref.name } catch e { print(e.message.replace("/nodes/" + str(s.node) + " ", "/nodes/ID ")) }
            """)
        #expect(output == [
            "GET CLIENT/files/list answered an object without 'object' where a list of file objects was expected",
            "GET CLIENT/startup answered a JSON array of 3 where a list of egg variables was expected",
            "GET /api/application/nodes/ID answered a list of 1 server where one node was expected",
        ])
        await harness.stop()
    }
}
