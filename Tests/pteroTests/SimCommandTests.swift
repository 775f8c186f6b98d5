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

    /// The claims of the console token `GET servers/{id}/websocket` gives the sim's client key.
    static func consoleClaims(_ sim: SimProcess) throws -> [String: Any] {
        let url = try #require(sim.url, "\(sim.banner)")
        let key = try #require(sim.clientKey)
        func get(_ path: String) throws -> [String: Any] {
            let answer = try PteroBinary.run(["-s", "-H", "Authorization: Bearer \(key)", "-H", "Accept: application/json", url + path],
                                             executable: URL(fileURLWithPath: "/usr/bin/curl"))
            return try #require(try JSONSerialization.jsonObject(with: Data(answer.output.utf8)) as? [String: Any], "\(answer.output)")
        }
        let servers = try #require(get("/api/client?type=admin-all")["data"] as? [[String: Any]])
        let identifier = try #require((servers.first?["attributes"] as? [String: Any])?["identifier"] as? String)
        let token = try #require((get("/api/client/servers/\(identifier)/websocket")["data"] as? [String: Any])?["token"] as? String)
        var payload = String(token.split(separator: ".")[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while payload.count % 4 != 0 { payload += "=" }
        let data = try #require(Data(base64Encoded: payload))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// `--panel pelican` serves Pelican's Wings console (its token has the `scope` claim) unless told otherwise.
    @Test func pelicansPanelComesWithPelicansConsole() throws {
        let pelican = try SimProcess(arguments: ["--panel", "pelican", "--servers", "2"])
        #expect(try Self.consoleClaims(pelican)["scope"] as? String == "websocket")
        let told = try SimProcess(arguments: ["--panel", "pelican", "--servers", "2", "--console-flavor", "pterodactyl"])
        #expect(try Self.consoleClaims(told)["scope"] == nil)
        let help = try PteroBinary.run(["sim", "--help"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("pterodactyl-0.7 or pelican"), "\(help)")
        withExtendedLifetime((pelican, told)) {}
    }
}
