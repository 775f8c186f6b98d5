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
        #expect(!(result.output + result.errors).contains(applicationKey))
        #expect(!(result.output + result.errors).contains(clientKey))

        let path = home.appendingPathComponent("ptero/config.toml").path
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("[profiles.local]"))
        #expect(saved.contains("application_key = \"\(applicationKey)\""))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
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
