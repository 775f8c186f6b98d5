import Foundation
import Testing

/// `ptero login` against `ptero sim`: keys are checked before they are
/// saved, saved privately, and never printed.
struct LoginTests {
    @Test func checksBothKeysThenSavesAPrivateProfile() throws {
        let sim = try SimProcess(arguments: ["--seed", "5"])
        let url = try #require(sim.url, "\(sim.banner)")
        let applicationKey = try #require(sim.applicationKey)
        let clientKey = try #require(sim.clientKey)
        let home = try PteroBinary.temporaryFolder()

        let result = try PteroBinary.run(["login", "--profile", "local", "--url", url],
                                         input: applicationKey + "\n" + clientKey + "\n",
                                         environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Application key works"))
        #expect(result.output.contains("Client key works (user "))
        #expect(result.output.contains("The panel is Pterodactyl 1.x (saved in the profile as panel = \"pterodactyl-1\")."), "\(result.output)")
        #expect(!(result.output + result.errors).contains(applicationKey))
        #expect(!(result.output + result.errors).contains(clientKey))

        let path = home.appendingPathComponent("ptero/config.toml").path
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("[profiles.local]"))
        #expect(saved.contains("application_key = \"\(applicationKey)\""))
        #expect(saved.contains("panel = \"pterodactyl-1\""))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        withExtendedLifetime(sim) {}
    }

    /// The profile's `panel` (or PTERO_PANEL) decides what the language
    /// offers: named 0.7, a 1.x sim's backups are refused before any request.
    @Test func theNamedPanelDecidesWhatTheLanguageOffers() throws {
        let sim = try SimProcess(arguments: ["--seed", "5", "--servers", "2"])
        let url = try #require(sim.url, "\(sim.banner)")
        let home = try PteroBinary.temporaryFolder()
        let login = try PteroBinary.run(["login", "--url", url], input: try #require(sim.applicationKey) + "\n" + (try #require(sim.clientKey)) + "\n",
                                        environment: ["XDG_CONFIG_HOME": home.path])
        #expect(login.status == 0, "\(login.errors)")
        let path = home.appendingPathComponent("ptero/config.toml").path
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        try saved.replacingOccurrences(of: "panel = \"pterodactyl-1\"", with: "panel = \"pterodactyl-0.7\"").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        let script = "try { print(servers.first.backups.count) } catch e { print(e.message) }"
        let old = try PteroBinary.run(["-e", script], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(old.status == 0, "\(old.errors)")
        #expect(old.output == "backups are not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have them\n", "\(old.output)")
        let named = try PteroBinary.run(["-e", script], environment: ["XDG_CONFIG_HOME": home.path, "PTERO_PANEL": "pterodactyl-1"])
        #expect(named.status == 0, "\(named.errors)")
        #expect(Int(named.output.trimmingCharacters(in: .newlines)) != nil, "\(named.output)")
        withExtendedLifetime(sim) {}
    }

    @Test func aRefusedKeyIsNotSavedAndTheAnswerIsShown() throws {
        let sim = try SimProcess()
        let url = try #require(sim.url, "\(sim.banner)")
        let home = try PteroBinary.temporaryFolder()
        let wrong = "ptla_" + String(repeating: "Z", count: 43)

        let result = try PteroBinary.run(["login", "--url", url], input: wrong + "\n\n",
                                         environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("GET /api/application/locations: 401 Unauthorized"), "\(result.errors)")
        #expect(result.errors.contains("Unauthenticated."))
        #expect(!(result.output + result.errors).contains(wrong))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("ptero/config.toml").path))
        withExtendedLifetime(sim) {}
    }

    @Test func plainHTTPToAnotherMachineIsRefusedBeforeAnyKeyIsSent() throws {
        let home = try PteroBinary.temporaryFolder()
        let result = try PteroBinary.run(["login", "--url", "http://panel.example.com"], input: "ptla_abc\n\n",
                                         environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 2)
        #expect(result.errors.contains("plain http"), "\(result.errors)")
    }
}
