import Foundation
import Testing
@testable import PteroKit

/// Profiles: the file format, its permissions, and the environment overrides.
struct ConfigurationTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptero-config-\(UUID().uuidString)").path
    }

    var path: String { folder + "/ptero/config.toml" }

    @Test func savedProfilesReadBackAndTheFileIsPrivate() throws {
        var file = ConfigurationFile()
        var production = Profile(name: "production", url: URL(string: "https://panel.example.com/sub"),
                                 applicationKey: "ptla_" + String(repeating: "a", count: 43))
        production.applicationLimit = 120
        production.readOnly = true
        file.store(production)
        file.store(Profile(name: "staging", url: URL(string: "http://127.0.0.1:8080"), clientKey: "ptlc_with\"quote"))
        try file.save(path: path)

        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        let loaded = try ConfigurationFile.load(path: path)
        #expect(loaded == file)
        #expect(loaded.defaultProfile == "production")
        #expect(try ProfileSelection.select(named: nil, file: loaded, environment: [:]).executorSettings().limits[.application] == 120)
    }

    @Test func aFileOthersCanReadIsRefusedWithTheFix() throws {
        try ConfigurationFile(profiles: [Profile(name: "a")]).save(path: path)
        chmod(path, 0o644)
        #expect {
            _ = try ConfigurationFile.load(path: path)
        } throws: { error in
            "\(error)".contains("mode 644") && "\(error)".contains("chmod 600 \(path)")
        }
    }

    @Test func mistakesAreNamedWithTheirLine() {
        #expect {
            _ = try ConfigurationFile.parse("[profiles.a]\nurl = \"https://x\"\nurl_typo = \"y\"\n", path: "c.toml")
        } throws: { "\($0)".contains("[profiles.a] url_typo is not a setting") }
        #expect {
            _ = try ConfigurationFile.parse("[profiles.a]\nurl = https://x\n", path: "c.toml")
        } throws: { "\($0)" == "c.toml:2: url: not a TOML value (a setting is a \"string\", an integer, true or false)" }
        #expect {
            _ = try ConfigurationFile.parse("[profiles.a]\nconcurrency = \"8\"\n", path: "c.toml")
        } throws: { "\($0)".contains("concurrency has the wrong kind of value") }
    }

    @Test func commentsAndQuotesAreRead() throws {
        let file = try ConfigurationFile.parse("""
            # my panels
            default = "b"   # the usual one
            [profiles.a]
            url = "https://a.example.com"
            [profiles.b]
            url = 'https://b.example.com/#frag'
            client_key = "ptlc_x#y" # a hash inside a string stays
            """, path: "c.toml")
        #expect(file.profiles.map(\.name) == ["a", "b"])
        #expect(file.profiles[1].url?.absoluteString == "https://b.example.com/#frag")
        #expect(file.profiles[1].clientKey == "ptlc_x#y")
        #expect(try ProfileSelection.select(named: nil, file: file, environment: [:]).name == "b")
    }

    @Test func theEnvironmentOverridesTheProfile() throws {
        let file = ConfigurationFile(defaultProfile: "a", profiles: [
            Profile(name: "a", url: URL(string: "https://a.example.com"), applicationKey: "ptla_file"),
            Profile(name: "b", url: URL(string: "https://b.example.com")),
        ])
        let chosen = try ProfileSelection.select(named: nil, file: file, environment: [
            "PTERO_PROFILE": "b", "PTERO_APP_KEY": "ptla_environment", "PTERO_URL": "https://c.example.com",
        ])
        #expect(chosen.name == "b")
        #expect(chosen.url?.absoluteString == "https://c.example.com")
        #expect(chosen.applicationKey == "ptla_environment")
        #expect(try ProfileSelection.select(named: "a", file: file, environment: ["PTERO_PROFILE": "b"]).name == "a")
        #expect { try ProfileSelection.select(named: "c", file: file, environment: [:]) }
            throws: { "\($0)" == "no profile named c (profiles: a, b)" }
    }

    @Test func aProfileWithoutURLOrKeySaysWhatToDo() {
        #expect { try Profile(name: "p").connectionSettings() } throws: { "\($0)".contains("has no url") }
        #expect { try Profile(name: "p", url: URL(string: "https://x")).connectionSettings() }
            throws: { "\($0)".contains("run `ptero login`") }
        let settings = try? Profile(name: "p", url: URL(string: "https://x"), clientKey: "ptlc_" + String(repeating: "k", count: 43)).connectionSettings()
        #expect(settings?.key(for: .application) == "ptlc_" + String(repeating: "k", count: 43))
    }
}
