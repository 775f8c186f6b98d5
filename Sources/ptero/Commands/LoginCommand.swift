import ArgumentParser
import Foundation
import PteroKit
import PteroLang
import PteroRuntime

/// `ptero login`: checks a panel's keys and saves them as a profile.
struct LoginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Check a panel's API keys and save them as a profile.",
        discussion: """
            Asks for the panel URL (unless --url is given), then an application key (ptla_...) \
            and a client key (ptlc_...), without echoing them; leave one empty to skip it. \
            Pelican's keys (papp_/pacc_, earlier peli_/plcn_) and keys without a prefix (from a \
            panel before 1.8) work too: what a key without a prefix is for is asked of the panel. \
            Each key is tried against the panel before anything is saved. Login also asks the panel \
            which software it runs (one or two requests: Pterodactyl 0.7, 1.x or Pelican) and saves \
            it in the profile as panel = "pterodactyl-0.7", "pterodactyl-1" or "pelican"; the language then offers what that \
            panel has. Profiles live in \
            $XDG_CONFIG_HOME/ptero/config.toml (default ~/.config/ptero/config.toml), mode 600. \
            Without --profile, login saves the profile "default" and makes it the default; \
            a first profile becomes the default, and --default makes any profile the default.
            """
    )

    @Option(help: "Profile name to save under (without it: \"default\", made the default).") var profile: String?
    @Flag(name: .customLong("default"), help: "Make this profile the default, used when no --profile is given.") var makeDefault = false
    @Option(help: "The panel's URL, e.g. https://panel.example.com.") var url: String?
    @Flag(help: "Allow plain http to a panel on another machine.") var insecure = false
    @Flag(name: .customLong("read-only"), help: "Mark the profile read-only: writes are refused.") var readOnly = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let path = ConfigurationFile.defaultPath(environment: environment)
        var file = try ConfigurationFile.load(path: path)

        guard let address = url ?? SecretPrompt.readVisible("Panel URL: "), let panelURL = URL(string: address.trimmingCharacters(in: .whitespaces)),
              panelURL.scheme != nil else {
            throw UsageError("login needs the panel's URL, e.g. https://panel.example.com")
        }
        let applicationKey = SecretPrompt.read("Application key (ptla_..., papp_..., or 48 characters; empty to skip): ").flatMap(Self.nonEmpty)
        let clientKey = SecretPrompt.read("Client key (ptlc_..., pacc_..., or 48 characters; empty to skip): ").flatMap(Self.nonEmpty)
        guard applicationKey != nil || clientKey != nil else { throw UsageError("login needs at least one key") }

        let name = profile ?? "default"
        var entry = Profile(name: name, url: panelURL, applicationKey: applicationKey, clientKey: clientKey)
        entry.insecure = insecure
        entry.readOnly = readOnly
        let settings = try entry.connectionSettings()
        let report = try Blocking.wait { try await Self.check(settings) }
        for line in report.lines { StandardStreams.write(line + "\n") }
        entry.applicationKey = report.settings.applicationKey
        entry.clientKey = report.settings.clientKey
        entry.panel = report.dialect

        let previousDefault = file.defaultProfile.flatMap { wanted in file.profiles.contains { $0.name == wanted } ? wanted : nil }
        file.store(entry)
        let becomesDefault = Self.becomesDefault(name, file: file, asked: makeDefault || profile == nil)
        if becomesDefault { file.defaultProfile = name }
        try file.save(path: path)
        StandardStreams.write("Saved profile \(TerminalText.visible(name)) in \(TerminalText.visible(path)); "
                              + Self.defaultNote(name, file: file, isDefault: becomesDefault, previous: previousDefault) + "\n")
    }

    /// A profile becomes the default when asked (`--default`, or plain
    /// `ptero login`) and when no other can be: the file names none, or
    /// names one it does not hold.
    static func becomesDefault(_ name: String, file: ConfigurationFile, asked: Bool) -> Bool {
        if asked { return true }
        guard let current = file.defaultProfile else { return true }
        return current == name || !file.profiles.contains { $0.name == current }
    }

    static func defaultNote(_ name: String, file: ConfigurationFile, isDefault: Bool, previous: String?) -> String {
        if isDefault {
            let was = previous.flatMap { $0 == name ? nil : " instead of \(TerminalText.visible($0))" } ?? ""
            return "it is the default profile\(was) (used when no --profile is given)."
        }
        let current = TerminalText.visible(file.defaultProfile ?? "")
        return "the default is still \(current): use --profile \(TerminalText.visible(name)), or make it the default with `ptero login --profile \(TerminalText.visible(name)) --default`."
    }

    /// Tries each key with one harmless read and learns what a key without
    /// a prefix is for; throws the panel's refusal. Answers the settings to
    /// save (a key without a prefix is saved as what the panel said it is)
    /// and the lines to show.
    static func check(_ settings: ConnectionSettings) async throws -> (settings: ConnectionSettings, dialect: PanelDialect, lines: [String]) {
        let dialect = try await detect(settings)
        var lines = ["The panel is \(dialect.displayName) (saved in the profile as panel = \"\(dialect.rawValue)\")."]
        var found: [PanelAPI: String] = [:]
        for (place, key) in [(PanelAPI.application, settings.applicationKey), (.client, settings.clientKey)] {
            guard let key else { continue }
            let api: PanelAPI
            if KeyFormat.prefix(of: key) == nil {
                let learned = try await learnAPI(of: key, givenAs: place, settings, dialect: dialect)
                api = learned.api
                lines.append("The key given as \(place.rawValue) key is \(KeyFormat.article(api)) key (\(KeyFormat.unprefixedNote))"
                             + (api == place ? "." : "; it is saved as the \(api.rawValue) key."))
                lines.append(learned.line)
            } else {
                api = place
                lines.append(try await checkKey(key, as: place, settings, dialect: dialect))
            }
            if found[api] != nil {
                throw UsageError("both keys are \(api.rawValue) keys; give one application key and one client key (or leave one empty)")
            }
            found[api] = key
        }
        var checked = settings
        checked.applicationKey = found[.application]
        checked.clientKey = found[.client]
        return (checked, dialect, lines)
    }

    /// Which panel software answers at the URL: one request (DialectDetection),
    /// with the keys as given, through an executor of its own.
    static func detect(_ settings: ConnectionSettings) async throws -> PanelDialect {
        try await PanelClient.with(settings) { client in
            try await client.detectDialect(hasApplicationKey: settings.applicationKey != nil, hasClientKey: settings.clientKey != nil)
        }
    }

    /// Which API a key without a prefix (a panel before 1.8) is for, asked
    /// of the panel with as few requests as possible: the client API
    /// first, because on 1.8+ a root admin's client key also opens the
    /// application API (pterodactyl/panel v1.11.8
    /// `app/Http/Requests/Api/Application/ApplicationApiRequest.php`
    /// passes any `TYPE_ACCOUNT` key), while an application key is refused
    /// on the client API by every version: 403 from `AuthenticateKey`
    /// (key looked up with its type, v0.7.19–v1.7.0
    /// `app/Http/Middleware/Api/AuthenticateKey.php`) or from
    /// `RequireClientApiKey` (v1.8+). So a client key costs one request,
    /// an application key two; each is also the key's check.
    static func learnAPI(of key: String, givenAs place: PanelAPI, _ settings: ConnectionSettings,
                         dialect: PanelDialect) async throws -> (api: PanelAPI, line: String) {
        do {
            return (.client, try await checkKey(key, as: .client, settings, dialect: dialect))
        } catch let refusal as PanelError where [403, 404].contains(refusal.status) {
            // 403: not a client key (or, before 1.8, not a key at all);
            // 404: a panel without the route.
            do {
                return (.application, try await checkKey(key, as: .application, settings, dialect: dialect))
            } catch let second as PanelError where second.status == 403 {
                StandardStreams.writeError("ptero: the panel refused the key given as \(place.rawValue) key on both APIs "
                                           + "(\(refusal.method.rawValue) \(refusal.path): \(refusal.status)):\n")
                throw second
            }
        }
    }

    /// One harmless read with `key` alone on `api`: the line saying it works.
    static func checkKey(_ key: String, as api: PanelAPI, _ settings: ConnectionSettings, dialect: PanelDialect) async throws -> String {
        var alone = settings
        alone.applicationKey = api == .application ? key : nil
        alone.clientKey = api == .client ? key : nil
        return try await PanelClient.with(alone, dialect: dialect) { client in
            try await checkKey(api, client, dialect: dialect)
        }
    }

    static func checkKey(_ api: PanelAPI, _ client: PanelClient, dialect: PanelDialect) async throws -> String {
        switch api {
        case .application where dialect == .pelican:
            // Pelican has no locations: its users are the harmless read.
            let size = try await client.listSize(try client.request(endpoint: "users.list", query: [URLQueryItem(name: "per_page", value: "1")]))
            return "Application key works" + (size.total.map { " (\($0) user\($0 == 1 ? "" : "s"))" } ?? "") + "."
        case .client where dialect == .pterodactyl07:
            // 0.7's client API has no account: its list of the key's servers
            // (v0.7.19 routes/api-client.php `/`) is the harmless read.
            let count = try await client.listSize(try client.request(endpoint: "client.servers.list")).count
            return "Client key works (\(count) server\(count == 1 ? "" : "s") on the first page)."
        case .application:
            let locations = client.listLocations(ListQuery(perPage: 1))
            _ = try await locations.first()
            let total = locations.total
            return "Application key works" + (total.map { " (\($0) location\($0 == 1 ? "" : "s"))" } ?? "") + "."
        case .client:
            let account = try await client.account()
            // The panel's username is anyone's text: shown, never obeyed.
            return "Client key works (user \(TerminalText.visible(account.username)))."
        }
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
