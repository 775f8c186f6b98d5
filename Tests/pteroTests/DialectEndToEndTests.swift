import Foundation
import Testing

/// ptero against a simulated Pterodactyl 0.7 (`ptero sim --panel
/// pterodactyl-0.7`), as an admin of an old panel meets it: unprefixed
/// keys, the panel found by asking, and what 0.7 lacks refused in words;
/// and against a simulated Pelican (`--panel pelican`): its keys, its
/// resources, nests refused in words, a rename and a transfer.
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

    @Test func aPelicanPanelIsFoundAndSpokenTo() throws {
        let sim = try SimProcess(arguments: ["--panel", "pelican", "--servers", "3", "--seed", "3"])
        let url = try #require(sim.url, "\(sim.banner)")
        let applicationKey = try #require(sim.applicationKey, "\(sim.banner)")
        let clientKey = try #require(sim.clientKey, "\(sim.banner)")
        #expect(applicationKey.hasPrefix("papp_") && applicationKey.count == 48, "\(applicationKey.prefix(5))")
        #expect(clientKey.hasPrefix("pacc_") && clientKey.count == 48, "\(clientKey.prefix(5))")
        let home = try PteroBinary.temporaryFolder()

        let login = try PteroBinary.run(["login", "--url", url], input: applicationKey + "\n" + clientKey + "\n",
                                        environment: ["XDG_CONFIG_HOME": home.path])
        #expect(login.status == 0, "\(login.errors)")
        #expect(login.output.contains("The panel is Pelican (saved in the profile as panel = \"pelican\")."), "\(login.output)")
        #expect(login.output.contains("Application key works") && login.output.contains("Client key works (user admin)."), "\(login.output)")
        let profile = try String(contentsOf: home.appendingPathComponent("ptero/config.toml"), encoding: .utf8)
        #expect(profile.contains("panel = \"pelican\""), "\(profile.count)")
        #expect(!(login.output + login.errors).contains(applicationKey) && !(login.output + login.errors).contains(clientKey))

        let script = """
            print(eggs.count > 0)
            print(roles.first.name)
            print(mounts.count)
            print(database_hosts.count > 0)
            try { print(nests.count) } catch e { print(e.message) }
            let s = servers.first
            s.update(name: "renamed-on-pelican")
            print(servers[s.id].name)
            let target = (nodes where id != s.node).first
            let free = (target.allocations where assigned == false).first
            s.transfer(node: target.id, allocation: free.id)
            print("transfer accepted")
            """
        let run = try PteroBinary.run(["--yes", "-e", script], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == """
            true
            Root Admin
            1
            true
            nests are not in Pelican's API; Pterodactyl 0.7 and Pterodactyl 1.x have them
            renamed-on-pelican
            transfer accepted

            """, "\(run.output)\(run.errors)")
        withExtendedLifetime(sim) {}
    }
}
