import Foundation
import Testing

/// Keys without a prefix (every key a Pterodactyl 0.7 or 1.0–1.7 panel
/// issued, still valid after an upgrade): `ptero login` asks the panel what
/// each is for, and they are kept out of the REPL's history.
@Suite(.serialized)
struct UnprefixedKeyLoginTests {
    /// 16 identifier + 32 token characters, as a panel before 1.8 makes them.
    static let applicationKey = "LegacyAppKey0001" + "Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4f"
    static let clientKey = "LegacyClientKey1" + "Gh7jKl0nOp3rSt6vWx9zAb2dEf5hIj8l"

    static func simulatedPanel() throws -> SimProcess {
        try SimProcess(arguments: ["--seed", "5", "--app-key", applicationKey, "--client-key", clientKey])
    }

    static func savedConfiguration(_ home: URL) throws -> String {
        try String(contentsOfFile: home.appendingPathComponent("ptero/config.toml").path, encoding: .utf8)
    }

    @Test func bothKeysWithoutPrefixLogInAndSayWhatTheyAre() throws {
        let sim = try Self.simulatedPanel()
        let url = try #require(sim.url, "\(sim.banner)")
        let home = try PteroBinary.temporaryFolder()

        let result = try PteroBinary.run(["login", "--profile", "old", "--url", url],
                                         input: Self.applicationKey + "\n" + Self.clientKey + "\n",
                                         environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("The key given as application key is an application key (no prefix: a key from a panel before 1.8)."),
                "\(result.output)")
        #expect(result.output.contains("The key given as client key is a client key (no prefix: a key from a panel before 1.8)."))
        #expect(result.output.contains("Application key works"))
        #expect(result.output.contains("Client key works (user admin)."))
        for key in [Self.applicationKey, Self.clientKey] {
            #expect(!(result.output + result.errors).contains(key))
        }
        let saved = try Self.savedConfiguration(home)
        #expect(saved.contains("application_key = \"\(Self.applicationKey)\""))
        #expect(saved.contains("client_key = \"\(Self.clientKey)\""))
        withExtendedLifetime(sim) {}
    }

    @Test func keysGivenInEachOthersPlaceAreSavedAsWhatThePanelSays() throws {
        let sim = try Self.simulatedPanel()
        let url = try #require(sim.url, "\(sim.banner)")
        let home = try PteroBinary.temporaryFolder()

        let result = try PteroBinary.run(["login", "--url", url], input: Self.clientKey + "\n" + Self.applicationKey + "\n",
                                         environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("The key given as application key is a client key (no prefix: a key from a panel before 1.8); it is saved as the client key."),
                "\(result.output)")
        #expect(result.output.contains("The key given as client key is an application key"))
        let saved = try Self.savedConfiguration(home)
        #expect(saved.contains("application_key = \"\(Self.applicationKey)\""))
        #expect(saved.contains("client_key = \"\(Self.clientKey)\""))
        withExtendedLifetime(sim) {}
    }

    @Test func aKeyWithoutPrefixThePanelDoesNotKnowIsRefusedAndNotSaved() throws {
        let sim = try Self.simulatedPanel()
        let url = try #require(sim.url, "\(sim.banner)")
        let home = try PteroBinary.temporaryFolder()
        let unknown = String(Self.applicationKey.reversed())

        let result = try PteroBinary.run(["login", "--url", url], input: unknown + "\n\n",
                                         environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("GET /api/client/account: 401 Unauthorized"), "\(result.errors)")
        #expect(!(result.output + result.errors).contains(unknown))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("ptero/config.toml").path))
        withExtendedLifetime(sim) {}
    }

    @Test func twoClientKeysAreRefused() throws {
        let sim = try Self.simulatedPanel()
        let url = try #require(sim.url, "\(sim.banner)")
        let home = try PteroBinary.temporaryFolder()

        let result = try PteroBinary.run(["login", "--url", url], input: Self.clientKey + "\n" + Self.clientKey + "\n",
                                         environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 2)
        #expect(result.errors.contains("both keys are client keys"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("ptero/config.toml").path))
        withExtendedLifetime(sim) {}
    }

    @Test func aMalformedKeyIsRefusedBeforeAnythingIsSent() throws {
        let home = try PteroBinary.temporaryFolder()
        let pasted = String(Self.applicationKey.dropLast())
        let result = try PteroBinary.run(["login", "--url", "https://panel.invalid"], input: pasted + "\n\n",
                                         environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 2)
        #expect(result.errors.contains("the application key is 47 characters long; a panel's key is 48"), "\(result.errors)")
        #expect(!(result.output + result.errors).contains(pasted))
    }

    @Test func theSimTakesKeysWithoutPrefixButNotMalformedOnes() throws {
        for bad in ["short", Self.applicationKey + "x", "ptlc_" + Self.applicationKey.dropFirst(5)] {
            let result = try PteroBinary.run(["sim", "--app-key", bad])
            #expect(result.status == 2, "\(bad)")
            #expect(!result.errors.contains(bad), "\(result.errors)")
        }
    }
}
