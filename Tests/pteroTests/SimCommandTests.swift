import Foundation
import Testing

/// `ptero sim` as a user starts it: prints where it listens and the keys,
/// then answers the panel's API on that port.
struct SimCommandTests {
    @Test func servesThePanelAndPrintsItsKeys() throws {
        let sim = try SimProcess(arguments: ["--seed", "3", "--servers", "10"])
        let url = try #require(sim.url, "\(sim.banner)")
        let key = try #require(sim.applicationKey)
        #expect(key.count == 48)

        let answer = try PteroBinary.run(["-s", "-H", "Authorization: Bearer \(key)", "-H", "Accept: application/json",
                                          url + "/api/application/servers?per_page=3"],
                                         executable: URL(fileURLWithPath: "/usr/bin/curl"))
        let body = try JSONSerialization.jsonObject(with: Data(answer.output.utf8)) as? [String: Any]
        let pagination = (body?["meta"] as? [String: Any])?["pagination"] as? [String: Any]
        #expect(pagination?["total"] as? Int == 10)
        #expect(pagination?["per_page"] as? Int == 3)

        let refused = try PteroBinary.run(["-s", url + "/api/application/servers"], executable: URL(fileURLWithPath: "/usr/bin/curl"))
        #expect(refused.output.contains("Unauthenticated."))
        withExtendedLifetime(sim) {}
    }

    @Test func rejectsBadOptionsWithUsageErrors() throws {
        #expect(try PteroBinary.run(["sim", "--rate-limit", "app=x"]).status == 2)
        #expect(try PteroBinary.run(["sim", "--app-key", "short"]).status == 2)
        #expect(try PteroBinary.run(["sim", "--nodes", "0"]).status == 2)
        #expect(try PteroBinary.run(["sim", "--console-rate", "-1"]).status == 2)
        #expect(try PteroBinary.run(["sim", "--console-rate", "5000"]).status == 2)
        #expect(try PteroBinary.run(["sim", "--console-flavor", "wings"]).status == 2)
        #expect(try PteroBinary.run(["sim", "--allowed-origin", "panel.example.com"]).status == 2)
    }

    @Test func helpSaysTheConsoleSocketIsOnTheSimsOwnListener() throws {
        let help = try PteroBinary.run(["sim", "--help"])
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("listener (ws://127.0.0.1:PORT/api/servers/{uuid}/ws; there is no separate node)"))
        for option in ["--console-rate", "--allowed-origin", "--console-flavor", "/_sim/clock"] { #expect(text.contains(option)) }
    }
}
