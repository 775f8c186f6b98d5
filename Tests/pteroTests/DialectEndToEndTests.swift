import Foundation
import Testing

/// ptero against a simulated Pterodactyl 0.7 (`ptero sim --panel
/// pterodactyl-0.7`), as an admin of an old panel meets it: unprefixed
/// keys, the panel found by asking, and what 0.7 lacks refused in words.
struct DialectEndToEndTests {
    @Test func aZeroSevenPanelIsFoundAndSpokenTo() throws {
        let sim = try SimProcess(arguments: ["--panel", "pterodactyl-0.7", "--servers", "3", "--seed", "3"])
        let url = try #require(sim.url, "\(sim.banner)")
        let applicationKey = try #require(sim.applicationKey, "\(sim.banner)")
        let clientKey = try #require(sim.clientKey, "\(sim.banner)")
        #expect(!applicationKey.hasPrefix("ptla_") && applicationKey.count == 48, "\(applicationKey.count)")
        let home = try PteroBinary.temporaryFolder()

        let login = try PteroBinary.run(["login", "--url", url], input: applicationKey + "\n" + clientKey + "\n",
                                        environment: ["XDG_CONFIG_HOME": home.path])
        #expect(login.status == 0, "\(login.errors)")
        #expect(login.output.contains("The panel is Pterodactyl 0.7 (saved in the profile as panel = \"pterodactyl-0.7\")."), "\(login.output)")
        #expect(login.output.contains("Client key works"), "\(login.output)")
        #expect(!(login.output + login.errors).contains(applicationKey) && !(login.output + login.errors).contains(clientKey))

        let script = """
            print(servers.count)
            let s = servers.first
            try { print(s.backups.count) } catch e { print(e.message) }
            print(["on", "off", "starting", "stopping"].contains(s.resources.state))
            print(client.servers.count >= 0)
            """
        let run = try PteroBinary.run(["-e", script], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "3\nbackups are not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have them\ntrue\ntrue\n", "\(run.output)\(run.errors)")
        withExtendedLifetime(sim) {}
    }
}
