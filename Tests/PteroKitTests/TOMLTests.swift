import Foundation
@testable import PteroKit
import Testing

/// The configuration reader against TOML as other tools write it: what it
/// reads must be read as TOML 1.0 reads it, and what it does not read is
/// refused by name with its line, never read as something else.
struct TOMLTests {
    static let url = "https://panel.example.com"

    func parsed(_ text: String) throws -> ConfigurationFile {
        try ConfigurationFile.parse(text, path: "c.toml")
    }

    func message(_ text: String) -> String? {
        do {
            _ = try parsed(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aBackslashBeforeTheClosingQuoteEndsTheStringAndACommentMayFollow() throws {
        let file = try parsed("[profiles.a]\nurl = \"\(Self.url)\"\nclient_key = \"C:\\\\\" # a comment\n")
        #expect(file.profiles.first?.clientKey == "C:\\")
    }

    @Test func unicodeEscapesAreRead() throws {
        let file = try parsed("default = \"caf\\u00e9 \\U0001F600\"\n")
        #expect(file.defaultProfile == "café 😀")
        #expect(message("default = \"\\uD800\"\n")?.hasPrefix("c.toml:1: ") == true)
        #expect(message("default = \"\\u00e\"\n")?.hasPrefix("c.toml:1: ") == true)
        #expect(message("default = \"\\q\"\n")?.hasPrefix("c.toml:1: ") == true)
    }

    @Test func everyEscapeOfTOMLIsRead() throws {
        let file = try parsed(#"default = "\b\t\n\f\r\"\\""# + "\n")
        #expect(file.defaultProfile == "\u{8}\t\n\u{C}\r\"\\")
    }

    @Test func aFloatOrAnArrayIsAValueOfTheWrongKindNotASyntaxError() {
        #expect(message("[profiles.a]\nconcurrency = 1.5\n")?.contains("concurrency has the wrong kind of value") == true)
        #expect(message("[profiles.a]\nconcurrency = 6.02e23\n")?.contains("concurrency has the wrong kind of value") == true)
        #expect(message("[profiles.a]\nurl = [\"https://a\", \"https://b\"]  # two\n")?.contains("url has the wrong kind of value") == true)
        #expect(message("[profiles.a]\nurl = []\n")?.contains("url has the wrong kind of value") == true)
    }

    @Test func aDottedKeyIsATablePathNotOneName() throws {
        let top = try parsed("default = \"prod\"\nprofiles.prod.url = \"\(Self.url)\"\nprofiles.prod.concurrency = 3\n")
        #expect(top.profiles.map(\.name) == ["prod"])
        #expect(top.profiles.first?.url?.absoluteString == Self.url)
        #expect(top.profiles.first?.concurrency == 3)
        let inTable = try parsed("[profiles]\nprod . url = \"\(Self.url)\"\n\"my.panel\".url = \"\(Self.url)\"\n")
        #expect(inTable.profiles.map(\.name) == ["prod", "my.panel"])
        #expect(message("[profiles.a]\nurl.b = 1\n")?.contains("unknown table [profiles.a.url]") == true)
    }

    @Test func aQuotedProfileNameMayHoldADot() throws {
        let file = try parsed("[profiles.\"eu.west\"]\nurl = \"\(Self.url)\"\n[ profiles . 'b c' ]\nurl = \"\(Self.url)\"\n")
        #expect(file.profiles.map(\.name) == ["eu.west", "b c"])
    }

    @Test func aTableOrKeyDefinedTwiceIsRefusedWithItsLine() {
        #expect(message("[profiles.a]\n[profiles.a]\n")?.hasPrefix("c.toml:2: ") == true)
        #expect(message("profiles.a.url = \"\(Self.url)\"\n[profiles.a]\n")?.hasPrefix("c.toml:2: ") == true)
        #expect(message("[profiles.a]\nurl = \"x\"\nurl = \"y\"\n")?.hasPrefix("c.toml:3: ") == true)
        #expect(message("profiles = 1\n[profiles.a]\n")?.hasPrefix("c.toml:2: ") == true)
        #expect(message("profiles.a = 1\nprofiles.a.url = \"x\"\n")?.hasPrefix("c.toml:2: ") == true)
    }

    @Test func whatTheSubsetDoesNotReadIsRefusedByName() {
        let unread = [
            "default = \"\"\"\nprod\"\"\"\n": 1,
            "default = '''prod'''\n": 1,
            "[[profiles]]\n": 1,
            "[profiles.a]\nurl = { host = \"x\" }\n": 2,
            "[profiles.a]\nurl = [\n  \"x\",\n]\n": 2,
            "[profiles.a]\nwhen = 1979-05-27T07:32:00Z\n": 2,
            "[profiles.a]\nwhen = 07:32:00\n": 2,
        ]
        for (text, line) in unread {
            let said = message(text)
            #expect(said?.hasPrefix("c.toml:\(line): ptero reads a subset of TOML: ") == true, "\(text) said \(said ?? "nothing")")
        }
    }

    @Test func notTOMLAtAllIsASyntaxErrorWithItsLine() {
        for (text, line) in ["[profiles.a]\nurl = https://x\n": 2, "[profiles.a\n": 1, "default = \"a\" b\n": 1,
                             "= 1\n": 1, "a b = 1\n": 1, "default = \"a\n": 1, "x = 1__0\n": 1, "x = 01\n": 1,
                             "default = \"a\u{1}\"\n": 1] {
            let said = message(text)
            #expect(said?.hasPrefix("c.toml:\(line): ") == true, "\(text) said \(said ?? "nothing")")
            #expect(said?.contains("subset") == false, "\(text) said \(said ?? "nothing")")
        }
    }

    @Test func integersAreReadAsTOMLWritesThem() throws {
        let file = try parsed("[profiles.a]\nconcurrency = +1_0\napplication_limit = 0x1F\nclient_limit = 0o17\nconnect_timeout = 0b101\n")
        let profile = try #require(file.profiles.first)
        #expect(profile.concurrency == 10)
        #expect(profile.applicationLimit == 31)
        #expect(profile.clientLimit == 15)
        #expect(profile.connectTimeout == 5)
        #expect(message("[profiles.a]\nconcurrency = 99999999999999999999\n")?.hasPrefix("c.toml:2: ") == true)
    }

    @Test func aKeyPastedIntoATableNameOrADottedKeyIsNotEchoed() {
        let key = "ptla_" + String(repeating: "q", count: 43)
        for text in ["[profiles.a]\n[profiles.a]\n\(key) = 1\n\(key) = 2\n", "[\(key)]\n", "\(key).x = 1\n",
                     "[profiles.\(key)]\n[profiles.\(key)]\n", "profiles.a.\(key) = [1]\n", "[profiles.a]\n\"\(key)\" = 1\n\"\(key)\" = 1\n"] {
            let said = message(text) ?? ""
            #expect(!said.contains(key) && !said.isEmpty, "\(said)")
        }
    }

    /// What `ptero login` writes reads back the same, whatever the names
    /// and values hold.
    @Test func whatTheWriterWritesReadsBackTheSame() throws {
        let names = ["production", "eu.west", "with space", "quote\"and\\slash", "café", "tab\there", "line\nbreak",
                     "bell\u{7}", "", "[brackets]", "#hash", "'single'"]
        var file = ConfigurationFile()
        for (index, name) in names.enumerated() {
            var profile = Profile(name: name, url: URL(string: "https://panel\(index).example.com/sub?x=\"1\"#frag"),
                                  applicationKey: "ptla_" + String(repeating: "a", count: 43), clientKey: "ptlc_\\\"#\u{7F}")
            profile.applicationLimit = 120
            profile.clientLimit = 1
            profile.concurrency = 8
            profile.readOnly = index % 2 == 0
            profile.insecure = index % 3 == 0
            profile.connectTimeout = 1
            profile.readTimeout = 30
            profile.requestTimeout = 86_400
            profile.maximumRetryAfter = 300
            file.store(profile)
        }
        file.defaultProfile = "line\nbreak"
        let read = try parsed(file.text)
        #expect(read == file)
        #expect(file.text.contains("[profiles.production]\n"))
        #expect(file.text.contains("[profiles.\"eu.west\"]\n"))
        #expect(file.text.contains("[profiles.\"bell\\u0007\"]\n"))
        #expect(!file.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
    }
}
