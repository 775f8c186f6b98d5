import Foundation
import PteroKit
import PteroLang
import PteroRuntime

/// The REPL's first lines: which panel the prompt is on and how its writes
/// go (dry run, read-only), so nobody types `servers.delete()`
/// believing they are on staging.
enum REPLBanner {
    static func text(for connection: PanelConnection?, simulated: Bool = false) -> String {
        var lines = [REPL.standardBanner]
        guard let connection else {
            lines.append("No panel: run `ptero login`, or pass --profile NAME or --url URL; `ptero demo` has a simulated one.")
            return lines.joined(separator: "\n")
        }
        let settings = connection.settings
        let keys = [settings.applicationKey.map { _ in "application" }, settings.clientKey.map { _ in "client" }].compactMap { $0 }
        let api = keys.isEmpty ? "no API keys" : keys.joined(separator: " and ") + " API"
        lines.append("Panel: \(shown(settings.url)) (\(simulated ? "simulated, " : "")\(connection.dialect.displayName)\(connection.assumed ? ", assumed" : "")) · \(api)")
        if let reason = connection.detectionFailure {
            lines.append("The panel did not say which it is (\(reason)); the language offers what Pterodactyl 1.x has. Name it with panel = in the profile or PTERO_PANEL.")
        }
        if let mode = writeMode(connection.gate) { lines.append(mode) }
        return lines.joined(separator: "\n")
    }

    /// The URL without any user or password in it, made visible.
    static func shown(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "(a panel)" }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        parts.fragment = nil
        return TerminalText.visible(parts.string ?? "(a panel)")
    }

    static func writeMode(_ gate: WriteGate) -> String? {
        var parts: [String] = []
        if gate.settings.dryRun { parts.append("DRY RUN: writes are printed, not sent") }
        if gate.settings.readOnly { parts.append("read-only profile: writes are refused") }
        if gate.settings.assumeYes { parts.append("--yes: destructive actions do not ask") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
