import Foundation
@testable import PteroKit
import Testing

/// Every key a panel issues is taken, with or without a prefix, and what
/// cannot be a key is refused in words that never show it.
struct KeyFormatTests {
    static let panel = URL(string: "https://panel.example.com")!
    /// 43 letters and digits: what follows a prefix.
    static let tail = "0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3abc"
    /// A key from a panel before 1.8: 16 identifier + 32 token characters.
    static let unprefixed = "Ab3dEf6hIj9lMn2p" + "Qr5tUv8xYz1bCd4fGh7jKl0nOp3rSt6v"

    static func validate(application: String? = nil, client: String? = nil) throws(ConfigurationError) {
        try ConnectionSettings(url: panel, applicationKey: application, clientKey: client).validate()
    }

    @Test func everyPrefixAPanelIssuesIsTakenAndNamesItsAPI() throws {
        #expect(Self.tail.count == 43 && Self.unprefixed.count == KeyFormat.length)
        let expected: [(String, PanelAPI)] = [("ptla_", .application), ("ptlc_", .client), ("peli_", .application),
                                              ("plcn_", .client), ("papp_", .application), ("pacc_", .client)]
        #expect(KeyFormat.prefixes.map(\.text) == expected.map(\.0))
        for (prefix, api) in expected {
            let key = prefix + Self.tail
            #expect(KeyFormat.api(of: key) == api, "\(prefix)")
            // A root admin's client key also opens the application API.
            try Self.validate(application: key)
            if api == .client { try Self.validate(client: key) }
        }
    }

    @Test func aKeyWithoutAPrefixIsTakenInEitherPlace() throws {
        #expect(KeyFormat.api(of: Self.unprefixed) == nil)
        try Self.validate(application: Self.unprefixed)
        try Self.validate(client: Self.unprefixed)
        try Self.validate(application: Self.unprefixed, client: String(Self.unprefixed.reversed()))
    }

    @Test func anApplicationPrefixIsRefusedAsTheClientKey() {
        for prefix in ["ptla_", "peli_", "papp_"] {
            let key = prefix + Self.tail
            #expect { try Self.validate(client: key) } throws: { error in
                let text = "\(error)"
                return text.contains("the client key starts \(prefix), which marks an application key")
                    && text.contains("ptlc_, plcn_, pacc_") && !text.contains(Self.tail)
            }
        }
    }

    /// Each malformed kind, with the words its message must hold.
    static let malformed: [(key: String, says: String)] = [
        ("", "is empty"),
        ("ptla_" + tail.dropLast(), "is 47 characters long; a panel's key is 48"),
        (unprefixed + "x", "is 49 characters long"),
        ("ptla_short", "is 10 characters long"),
        (String(unprefixed.prefix(20)) + " " + String(unprefixed.dropFirst(21)), "holds spaces"),
        ("ptla_" + tail.dropLast() + "\n", "control characters"),
        ("ptla_" + tail.prefix(20) + "\u{1B}" + tail.dropFirst(21), "control characters"),
        ("ptla_" + tail.prefix(20) + "é" + tail.dropFirst(21), "non-ASCII"),
        ("https://panel.example.com/account/api", "looks like a URL"),
        ("panel.example.com://" + tail, "looks like a URL"),
        ("ptla_" + tail.prefix(20) + "-" + tail.dropFirst(21), "only letters and digits after its prefix"),
        (String(unprefixed.prefix(47)) + "=", "only letters and digits"),
        ("abcd_" + tail, "a prefix no panel issues"),
        ("PTLA_" + tail, "a prefix no panel issues"),
    ]

    @Test(arguments: malformed)
    func aMalformedKeyIsRefusedWithoutShowingIt(key: String, says: String) {
        for (application, client) in [(key, nil), (nil, key)] as [(String?, String?)] {
            #expect { try Self.validate(application: application, client: client) } throws: { error in
                let text = "\(error)"
                let place = application != nil ? "the application key" : "the client key"
                return text.contains(place) && text.contains(says)
                    && (key.count < 8 || !text.contains(key.prefix(20))) && !text.contains(Self.tail.prefix(12))
            }
        }
    }

    @Test func aKeyShapeIsRecognisedInAText() {
        #expect(KeyFormat.looksLikeKey("x = peli_abc"))
        #expect(KeyFormat.looksLikeKey(Self.unprefixed))
        #expect(KeyFormat.looksLikeKey("[profiles.\(Self.unprefixed)]"))
        #expect(!KeyFormat.looksLikeKey("application_key"))
        #expect(!KeyFormat.looksLikeKey(String(Self.unprefixed.dropLast())))
        #expect(!KeyFormat.looksLikeKey(Self.unprefixed + "9"))
    }

    @Test func theScrubberTakesOutAnyPrefixedKeyButNotOtherWords() {
        let scrubber = SecretScrubber()
        let text = "Bearer peli_\(Self.tail), \"papp_\(Self.tail)\" ptla_short xptlc_\(Self.tail) ptla_\(Self.tail)9"
        let expected = "Bearer [secret], \"[secret]\" ptla_short xptlc_\(Self.tail) ptla_\(Self.tail)9"
        #expect(scrubber.scrub(text) == expected)
        #expect(String(decoding: scrubber.scrub(Array(text.utf8)), as: UTF8.self) == expected)
        #expect(scrubber.scrub(Self.unprefixed) == Self.unprefixed)
        #expect(SecretScrubber([Self.unprefixed]).scrub("key=\(Self.unprefixed)") == "key=[secret]")
    }

    @Test func theTransportTakesAKeyWithoutAPrefixOutOfItsTexts() async throws {
        let transport = try HTTPTransport(settings: ConnectionSettings(url: Self.panel, applicationKey: Self.unprefixed))
        #expect(transport.scrubber.scrub("Bearer \(Self.unprefixed) refused") == "Bearer [secret] refused")
        try await transport.shutdown()
    }
}

/// A key without a prefix pasted into the configuration file is not echoed
/// by the messages that name what is wrong there.
struct UnprefixedKeyConfigurationTests {
    let key = KeyFormatTests.unprefixed

    @Test func aKeyPastedAsASettingNameIsNotEchoed() {
        for text in ["[profiles.a]\n\(key) = 1\n", "\(key) = \"x\"\n", "[profiles.a]\nurl = \"https://a.example.com\"\n\(key) = \"x\"\n"] {
            #expect { _ = try ConfigurationFile.parse(text, path: "c.toml") } throws: { error in
                !"\(error)".contains(key) && "\(error)".contains("looks like an API key")
            }
        }
    }

    @Test func aKeyPastedAsATableIsNotEchoed() {
        for text in ["[\(key)]\nurl = \"https://a.example.com\"\n", "[ptla_\(KeyFormatTests.tail)]\n",
                     "[profiles.\(key)]\n[profiles.\(key)]\n"] {
            #expect { _ = try ConfigurationFile.parse(text, path: "c.toml") } throws: { error in
                !"\(error)".contains(key) && !"\(error)".contains(KeyFormatTests.tail)
            }
        }
    }

    @Test func aProfileWithKeysWithoutPrefixConnects() throws {
        let file = try ConfigurationFile.parse("""
            [profiles.old]
            url = "https://old.example.com"
            application_key = "\(key)"
            client_key = "\(String(key.reversed()))"
            """, path: "c.toml")
        let settings = try file.profiles[0].connectionSettings()
        #expect(settings.key(for: .application) == key && settings.key(for: .client) == String(key.reversed()))
    }
}
