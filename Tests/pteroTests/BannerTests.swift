import Foundation
import Testing

/// The REPL says which panel it is on and how writes go; `ptero demo
/// --dry-run` exists. Before, the banner named neither.
struct BannerTests {
    @Test func theBannerNamesThePanelAndTheDryRun() throws {
        let sim = try SimProcess(arguments: ["--servers", "3"])
        let url = try #require(sim.url, "\(sim.banner)")
        let key = try #require(sim.applicationKey)
        let folder = try PteroBinary.temporaryFolder()
        let environment = ["PTERO_APP_KEY": key, "XDG_CONFIG_HOME": folder.path]
        let plain = try PteroBinary.run(["repl", "--url", url], input: "1\n", environment: environment)
        #expect(plain.output.contains("Panel: \(url) (Pterodactyl 1.x) · application API\n"), "\(plain.output)")
        #expect(!plain.output.contains("DRY RUN"))
        let dry = try PteroBinary.run(["repl", "--url", url, "--dry-run"], input: "servers.first.suspend()\n", environment: environment)
        #expect(dry.output.contains("Panel: \(url) (Pterodactyl 1.x) · application API\nDRY RUN: writes are printed, not sent\n"), "\(dry.output)")
        #expect(dry.output.contains("would POST /api/application/servers/"), "\(dry.output)")
        #expect(!(dry.output + dry.errors).contains(key))
        withExtendedLifetime(sim) {}
    }

    @Test func withoutAPanelTheBannerSaysSo() throws {
        let folder = try PteroBinary.temporaryFolder()
        let result = try PteroBinary.run(["repl"], input: "", environment: ["XDG_CONFIG_HOME": folder.path, "PTERO_URL": ""])
        #expect(result.output.contains("No panel: run `ptero login`"), "\(result.output)")
    }

    @Test func demoTakesDryRun() throws {
        let result = try PteroBinary.run(["demo", "--dry-run", "--servers", "5"], input: "let before = servers[1].suspended\nservers[1].suspend()\nservers[1].suspended == before\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("(simulated, Pterodactyl 1.x) · application and client API\nDRY RUN: writes are printed, not sent\n"), "\(result.output)")
        #expect(result.output.contains("would POST /api/application/servers/1/suspend"), "\(result.output)")
        #expect(result.output.contains("ptero> true\n"), "\(result.output)")
    }
}
