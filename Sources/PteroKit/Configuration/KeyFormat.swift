/// What a panel's API key looks like, so a mistyped or pasted-wrong key is
/// refused before it is sent, and a key is recognised wherever it must be
/// kept secret.
///
/// Every panel ptero speaks issues a key of 48 characters: a 16-character
/// identifier and a 32-character token (`IDENTIFIER_LENGTH`, `KEY_LENGTH`
/// in pterodactyl/panel `app/Models/ApiKey.php`, the same at v0.7.19,
/// v1.0.0, v1.7.0 and v1.11.8, and in pelican-dev/panel's), both drawn by
/// Laravel's `Str::random` (`str_random`), so only ASCII letters and digits.
/// From Pterodactyl 1.8 the identifier starts with a prefix that names the
/// API (`ApiKey::getPrefixForType`); keys made by a 0.7 or 1.0–1.7 panel
/// have none and stay valid after an upgrade.
public enum KeyFormat {
    /// A key's length on every panel: 16 identifier + 32 token characters.
    public static let length = 48

    /// A prefix a panel puts on the keys it issues, and the API it names.
    public struct Prefix: Sendable, Equatable {
        public var text: String
        public var api: PanelAPI
        /// Which panels issue it, for messages.
        public var issuer: String
    }

    /// Every prefix a panel issues. Pterodactyl 1.8+: `ptla_` application,
    /// `ptlc_` client (pterodactyl/panel `app/Models/ApiKey.php`,
    /// `getPrefixForType`, v1.8.0 on). Pelican: `peli_` application,
    /// `plcn_` client until 2025-09 (pelican-dev/panel commit 3543b47,
    /// "Rename api key prefixes", PR #1650), then `papp_` / `pacc_`
    /// (`app/Models/ApiKey.php`); keys made before the rename keep theirs.
    public static let prefixes: [Prefix] = [
        Prefix(text: "ptla_", api: .application, issuer: "Pterodactyl 1.8+"),
        Prefix(text: "ptlc_", api: .client, issuer: "Pterodactyl 1.8+"),
        Prefix(text: "peli_", api: .application, issuer: "Pelican before September 2025"),
        Prefix(text: "plcn_", api: .client, issuer: "Pelican before September 2025"),
        Prefix(text: "papp_", api: .application, issuer: "Pelican"),
        Prefix(text: "pacc_", api: .client, issuer: "Pelican"),
    ]

    /// Why a key without a prefix is still a key, for messages.
    public static let unprefixedNote = "no prefix: a key from a panel before 1.8"

    /// The prefix `key` starts with, if it is one a panel issues.
    public static func prefix(of key: String) -> Prefix? {
        prefixes.first { key.hasPrefix($0.text) }
    }

    /// The API `key`'s prefix names; nil for a key without one, whose API
    /// only the panel can tell (see `ptero login`).
    public static func api(of key: String) -> PanelAPI? {
        prefix(of: key)?.api
    }

    /// Refuses what cannot be a panel's key, saying why in words that never
    /// show the key: `role` is how the message names it ("the client key").
    /// `accepted` are the APIs whose prefixes may stand in this place (a
    /// root admin's client key also opens the application API).
    public static func check(_ key: String, role: String, accepting accepted: Set<PanelAPI>) throws(ConfigurationError) {
        let scalars = key.unicodeScalars
        if scalars.isEmpty { throw ConfigurationError("\(role) is empty") }
        if key.contains("://") || key.lowercased().hasPrefix("http") && key.contains("/") {
            throw ConfigurationError("\(role) looks like a URL: paste the key itself (\(length) letters and digits, from the panel's API page)")
        }
        if scalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F || !$0.isASCII }) {
            throw ConfigurationError("\(role) holds spaces, control characters or non-ASCII letters; a key is \(length) letters and digits")
        }
        if scalars.count != length {
            throw ConfigurationError("\(role) is \(scalars.count) characters long; a panel's key is \(length) (check that it was copied whole)")
        }
        let prefix = prefix(of: key)
        let body = key.utf8.dropFirst(prefix?.text.utf8.count ?? 0)
        if !body.allSatisfy(isLetterOrDigit) {
            let hint = prefix != nil ? "a key holds only letters and digits after its prefix"
                : body.contains(UInt8(ascii: "_")) ? "it starts with a prefix no panel issues (\(prefixes.map(\.text).joined(separator: ", ")))"
                : "a key holds only letters and digits"
            throw ConfigurationError("\(role) is not a panel's key: \(hint)")
        }
        if let prefix, !accepted.contains(prefix.api) {
            let wanted = prefixes.filter { accepted.contains($0.api) }.map(\.text).joined(separator: ", ")
            throw ConfigurationError("\(role) starts \(prefix.text), which marks \(article(prefix.api)) key; "
                                     + "give a key starting \(wanted), or one without a prefix (a panel before 1.8)")
        }
    }

    /// Whether `text` holds something shaped like a key ptero does not
    /// know: a prefix a panel issues, or a word of exactly 48 letters and
    /// digits. For guards where a false alarm only hides a name (the
    /// configuration reader's messages), never for deciding what to keep.
    public static func looksLikeKey(_ text: String) -> Bool {
        if prefixes.contains(where: { text.contains($0.text) }) { return true }
        var run = 0
        for byte in text.utf8 {
            if isLetterOrDigit(byte) {
                run += 1
            } else {
                if run == length { return true }
                run = 0
            }
        }
        return run == length
    }

    /// "an application" / "a client", for messages.
    public static func article(_ api: PanelAPI) -> String {
        api == .application ? "an application" : "a client"
    }

    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
