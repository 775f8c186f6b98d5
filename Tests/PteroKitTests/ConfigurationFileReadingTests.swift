import Foundation
@testable import PteroKit
import Testing

/// The configuration file as other tools leave it: CRLF, a BOM, a link to a
/// folder; and the timeout settings.
struct ConfigurationFileReadingTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptero-config-\(UUID().uuidString)").path

    @Test func crlfLineEndingsAndAByteOrderMarkAreRead() throws {
        let text = "\u{FEFF}default = \"a\"\r\n[profiles.a]\r\nurl = \"https://a.example.com\"\r\nclient_key = \"ptlc_x\" # note\r\n"
        let file = try ConfigurationFile.parse(text, path: "c.toml")
        #expect(file.defaultProfile == "a")
        #expect(file.profiles.first?.url?.absoluteString == "https://a.example.com")
        #expect(file.profiles.first?.clientKey == "ptlc_x")
    }

    @Test func aLinkToAFolderIsSaidToBeAFolder() throws {
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let path = folder + "/config.toml"
        #expect(symlink(folder + "/real", path) == 0)
        #expect { _ = try ConfigurationFile.load(path: path) } throws: { error in
            "\(error)".contains("is a folder") && !"\(error)".contains("chmod")
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func timeoutsAndTheLongestThrottleWaitAreProfileSettings() throws {
        let file = try ConfigurationFile.parse("""
            [profiles.a]
            url = "https://a.example.com"
            client_key = "ptlc_\(String(repeating: "x", count: 43))"
            connect_timeout = 5
            read_timeout = 20
            request_timeout = 120
            max_retry_after = 90
            """, path: "c.toml")
        let profile = try #require(file.profiles.first)
        let settings = try profile.connectionSettings()
        #expect(settings.connectTimeout == .seconds(5))
        #expect(settings.readTimeout == .seconds(20))
        #expect(settings.requestTimeout == .seconds(120))
        #expect(profile.executorSettings().maximumThrottleWait == .seconds(90))
        #expect(try ConfigurationFile.parse(file.text, path: "c.toml") == file)
        #expect { _ = try ConfigurationFile.parse("[profiles.a]\nread_timeout = 0\n", path: "c.toml") }
            throws: { "\($0)".contains("read_timeout is seconds from 1 to 86400") }
    }

    @Test func theDefaultsAreSane() {
        let settings = ConnectionSettings(url: URL(string: "https://a.example.com")!)
        #expect(settings.connectTimeout == .seconds(10))
        #expect(settings.readTimeout == .seconds(30))
        #expect(settings.requestTimeout == .seconds(300))
        #expect(ExecutorSettings().maximumThrottleWait == .seconds(300))
    }
}

/// Mistakes in the file are named without echoing a key pasted into them.
struct ConfigurationMistakeTests {
    @Test func aKeyPastedAsASettingNameIsNotEchoed() {
        let key = "ptla_" + String(repeating: "z", count: 43)
        for text in ["[profiles.a]\n\(key) = 1\n", "\(key) = \"x\"\n", "[profiles.a]\n\(key) = nope\n"] {
            #expect { _ = try ConfigurationFile.parse(text, path: "c.toml") } throws: { error in
                !"\(error)".contains(key) && "\(error)".contains("looks like an API key")
            }
        }
    }

    @Test func theConsoleOriginIsAProfileSetting() throws {
        let file = try ConfigurationFile.parse("""
            [profiles.a]
            url = "https://a.example.com"
            console_origin = "https://panel.example.com"
            """, path: "c.toml")
        #expect(file.profiles.first?.consoleOrigin == "https://panel.example.com")
        #expect(try ConfigurationFile.parse(file.text, path: "again.toml").profiles.first?.consoleOrigin == "https://panel.example.com")
        #expect { _ = try ConfigurationFile.parse("[profiles.a]\nconsole_origin = \"ws://x\"\n", path: "c.toml") } throws: { error in
            "\(error)".contains("is not an http(s) origin")
        }
    }
}
