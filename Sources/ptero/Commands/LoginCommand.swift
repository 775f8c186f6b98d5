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
            Each key is tried against the panel before anything is saved. Profiles live in \
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
        let applicationKey = SecretPrompt.read("Application key (ptla_..., empty to skip): ").flatMap(Self.nonEmpty)
        let clientKey = SecretPrompt.read("Client key (ptlc_..., empty to skip): ").flatMap(Self.nonEmpty)
        guard applicationKey != nil || clientKey != nil else { throw UsageError("login needs at least one key") }

        let name = profile ?? "default"
        var entry = Profile(name: name, url: panelURL, applicationKey: applicationKey, clientKey: clientKey)
        entry.insecure = insecure
        entry.readOnly = readOnly
        let settings = try entry.connectionSettings()
        let report = try Blocking.wait { try await Self.check(settings) }
        for line in report { StandardStreams.write(line + "\n") }

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

    /// Tries each key with one harmless read; throws the panel's refusal.
    static func check(_ settings: ConnectionSettings) async throws -> [String] {
        let transport = try HTTPTransport(settings: settings)
        let client = PanelClient(executor: Executor(transport: transport))
        do {
            let lines = try await check(client, settings)
            try? await transport.shutdown()
            return lines
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    static func check(_ client: PanelClient, _ settings: ConnectionSettings) async throws -> [String] {
        var lines: [String] = []
        if settings.applicationKey != nil {
            let locations = client.listLocations(ListQuery(perPage: 1))
            _ = try await locations.first()
            let total = locations.total
            lines.append("Application key works" + (total.map { " (\($0) location\($0 == 1 ? "" : "s"))" } ?? "") + ".")
        }
        if settings.clientKey != nil {
            let account = try await client.account()
            // The panel's username is anyone's text: shown, never obeyed.
            lines.append("Client key works (user \(TerminalText.visible(account.username))).")
        }
        return lines
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
