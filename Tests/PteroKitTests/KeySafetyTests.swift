import Foundation
@testable import PteroKit
import Testing

/// Keys go only where they were saved for, only over a safe URL, and never
/// into a printed text.
struct KeySafetyTests {
    static let productionKey = "ptla_" + String(repeating: "p", count: 43)
    let file = ConfigurationFile(defaultProfile: "prod", profiles: [
        Profile(name: "prod", url: URL(string: "https://panel.example.com"), applicationKey: productionKey),
        Profile(name: "lab", url: URL(string: "https://lab.example.com/panel/"), clientKey: "ptlc_" + String(repeating: "l", count: 43)),
    ])

    @Test func aURLFromTheCommandLineNeverGetsAnotherPanelsKey() {
        #expect {
            try ProfileSelection.select(named: nil, file: file, environment: [:], url: "https://evil.example.com")
        } throws: { error in
            let text = "\(error)"
            return text.contains("no key for https://evil.example.com given with --url")
                && text.contains("PTERO_APP_KEY") && !text.contains(Self.productionKey)
        }
        #expect {
            try ProfileSelection.select(named: "prod", file: file, environment: ["PTERO_URL": "https://panel.example.com:8443"])
        } throws: { "\($0)".contains("given with PTERO_URL") }
    }

    @Test func aURLGetsTheKeysGivenWithItOrOfAProfileSavedForIt() throws {
        let given = try ProfileSelection.select(named: "prod", file: file, environment: ["PTERO_APP_KEY": "ptla_given_key"],
                                                url: "https://other.example.com")
        #expect(given.applicationKey == "ptla_given_key")
        #expect(given.clientKey == nil)
        #expect(given.url?.absoluteString == "https://other.example.com")
        let lab = try ProfileSelection.select(named: nil, file: file, environment: [:], url: "https://lab.example.com/panel")
        #expect(lab.name == "lab")
        #expect(lab.clientKey == file.profiles[1].clientKey)
        let same = try ProfileSelection.select(named: nil, file: file, environment: ["PTERO_URL": "https://PANEL.example.com:443/"])
        #expect(same.applicationKey == Self.productionKey)
    }

    @Test func loopbackIsAnAddressNotAPrefix() {
        for host in ["127.0.0.1", "127.5.6.7", "localhost", "[::1]", "::1"] {
            #expect(ConnectionSettings.isLoopback(host), "\(host)")
        }
        for host in ["127.evil.example", "127.0.0.1.nip.io", "localhost.evil.example", "128.0.0.1", "::2", "[::ffff:8.8.8.8]"] {
            #expect(!ConnectionSettings.isLoopback(host), "\(host)")
        }
        #expect(throws: ConfigurationError.self) {
            try ConnectionSettings(url: URL(string: "http://127.evil.example")!, applicationKey: Self.productionKey).validate()
        }
        #expect(throws: ConfigurationError.self) {
            try ConnectionSettings(url: URL(string: "http://127.0.0.1.nip.io:8080")!, applicationKey: Self.productionKey).validate()
        }
        #expect(throws: Never.self) {
            try ConnectionSettings(url: URL(string: "http://[::1]:8080")!, applicationKey: Self.productionKey).validate()
        }
    }

    @Test func aURLWithAUserOrAQueryIsRefusedWithoutShowingIt() {
        #expect {
            try ConnectionSettings(url: URL(string: "https://admin:ptla_secretpassword@panel.example.com")!).validate()
        } throws: { error in
            "\(error)".contains("user name or password") && !"\(error)".contains("ptla_secretpassword")
        }
        for text in ["https://host/m/ok?tenant=7", "https://host/panel#top"] {
            #expect { try ConnectionSettings(url: URL(string: text)!, applicationKey: Self.productionKey).validate() }
                throws: { "\($0)".contains("query (?...) or fragment") }
        }
    }

    /// NIO traps on a port past 65535 (`SocketAddress(ipAddress:port:)`):
    /// such a URL is refused before anything is sent.
    @Test func aPortOutOfRangeIsRefused() throws {
        for text in ["http://127.0.0.1:181111", "https://panel.example.com:65536", "https://panel.example.com:0"] {
            #expect { try ConnectionSettings(url: URL(string: text)!, applicationKey: Self.productionKey).validate() }
                throws: { "\($0)".contains("a port is from 1 to 65535") }
        }
        try ConnectionSettings(url: URL(string: "https://panel.example.com:65535")!, applicationKey: Self.productionKey).validate()
    }

    @Test func aKeyWithAControlCharacterIsRefusedWithoutShowingIt() {
        let key = "ptla_abc\u{1B}]0;x\u{07}def"
        #expect { try ConnectionSettings(url: URL(string: "https://panel.example.com")!, applicationKey: key).validate() }
            throws: { error in "\(error)".contains("control characters") && !"\(error)".contains("abc") }
        #expect(throws: ConfigurationError.self) {
            try ConnectionSettings(url: URL(string: "https://panel.example.com")!, clientKey: "ptlc_a\u{7F}b").validate()
        }
    }

    @Test func theScrubberReplacesEveryKeyItHolds() {
        let scrubber = SecretScrubber(["ptla_" + String(repeating: "a", count: 20), "ptlc_" + String(repeating: "c", count: 20), "short"])
        let text = "Bearer ptla_\(String(repeating: "a", count: 20)) and ptlc_\(String(repeating: "c", count: 20)), short"
        #expect(scrubber.scrub(text) == "Bearer [secret] and [secret], short")
        #expect(String(decoding: scrubber.scrub(Array(text.utf8)), as: UTF8.self) == "Bearer [secret] and [secret], short")
    }

    @Test func aPanelsDetailCannotDriveTheTerminal() {
        let body = Data(#"{"errors":[{"code":"X","status":"400","detail":"bad \u001b]0;renamed\u0007 name\nfake line"}]}"#.utf8)
        let error = PanelError(request: PanelRequest(.get, "/api/application/users"), response: PanelResponse(status: 400, body: body))
        #expect(error.description == #"GET /api/application/users: 400 Bad Request: bad \u{1B}]0;renamed\u{7} name\u{A}fake line"#)
        #expect(!error.fullDescription.contains("\u{1B}"))
        #expect(error.fullDescription.split(separator: "\n").count == 2)
        #expect(VisibleText.escaping("plain ü 名") == "plain ü 名")
        #expect(VisibleText.escaping("a\u{202E}b\u{9B}c") == #"a\u{202E}b\u{9B}c"#)
    }
}
