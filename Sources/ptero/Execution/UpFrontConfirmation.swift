import PteroLang
import PteroRuntime

/// Refuses, before its first write, a script that will need a yes nobody
/// can give (no terminal, no `--yes`): otherwise it would stop half-way,
/// after the writes before that question were sent. A bulk job asks only
/// over the threshold, which only the run can tell, so a script with one
/// is refused too: a migration run from cron must not stop half-way
/// because its list grew past ten.
enum UpFrontConfirmation {
    static func check(_ source: Source, panel: PanelChoice) throws(UsageError) {
        guard !panel.yes, !panel.dryRun, Confirmation.onTerminal == nil,
              let statements = try? Parser.parse(source) else { return }
        let places = ConfirmationScan.places(in: statements, source: source)
        guard !places.isEmpty else { return }
        let name = TerminalText.visible(source.name)
        let list = places.map { "  \(name):\($0.location): \($0.call) (\($0.reason))" }
        throw UsageError(([(places.contains(where: \.isCertain) ? "this script asks" : "this script may ask") + " for confirmation, and without a terminal nobody can answer; nothing was sent:"] + list
                          + ["run it with --yes to do these without asking (see what it would do first with --dry-run)"])
            .joined(separator: "\n"))
    }
}
