import PteroLang
import PteroRuntime

/// Refuses, before its first write, a script that will need a yes nobody
/// can give (no terminal, no `--yes`): otherwise it would stop half-way,
/// after the writes before that question were sent. A script whose only
/// questions are bulk jobs that may be small still runs, and a job over
/// the threshold is refused when it comes.
enum UpFrontConfirmation {
    static func check(_ source: Source, panel: PanelChoice) throws(UsageError) {
        guard !panel.yes, !panel.dryRun, Confirmation.onTerminal == nil,
              let statements = try? Parser.parse(source) else { return }
        let places = ConfirmationScan.places(in: statements, source: source)
        // A bulk job's size is known only when it runs: refused up front
        // are the scripts that certainly ask, listing every place that may.
        guard places.contains(where: \.isCertain) else { return }
        let name = TerminalText.visible(source.name)
        let list = places.map { "  \(name):\($0.location): \($0.call) (\($0.reason))" }
        throw UsageError((["this script asks for confirmation, and without a terminal nobody can answer; nothing was sent:"] + list
                          + ["run it with --yes to do these without asking (see what it would do first with --dry-run)"])
            .joined(separator: "\n"))
    }
}
