import Foundation
import Testing

/// `ptero demo`: the REPL on an in-process simulated panel, through a pipe.
struct DemoTests {
    @Test func answersQueriesOnTheSimulatedPanelAndLeavesCleanly() throws {
        let result = try PteroBinary.run(["demo", "--servers", "25"], input: """
            servers.count
            (servers where id == 7).first
            servers[123456]
            print("after the error")
            """)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "ptero> ")
        #expect(lines.contains("25\n"), "\(result.output)")
        #expect(lines.contains { $0.hasPrefix("Server#7 \"") }, "\(result.output)")
        #expect((result.output + result.errors).contains("error: GET /api/application/servers/123456: 404 Not Found"), "\(result.output)\(result.errors)")
        #expect(result.output.contains("after the error"))
        #expect(!result.errors.contains("Fatal error"))
    }

    @Test func echoesListsAndQueriesAsTables() throws {
        let result = try PteroBinary.run(["demo", "--servers", "40"], input: "servers.take(2)\nservers\n", environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasSuffix("ptero> id  name") || $0.contains("ptero> id  name ") }, "\(result.output)")
        #expect(lines.contains { $0.hasPrefix(" 2  ") }, "\(result.output)")
        #expect(lines.contains("… 40 in all; .list fetches every one"), "\(result.output)")
        #expect(lines.allSatisfy { $0.count <= 80 + "ptero> ".count }, "\(result.output)")
    }
}
