import Foundation
import PteroKit
import PteroLang
import PteroRuntime

/// Which panel a run talks to and how it may write: the panel options as
/// plain values, so a run can start without ArgumentParser.
struct PanelChoice {
    var profile: String?
    var url: String?
    var dryRun = false
    var yes = false
    var journal: String?
    var insecure = false

    /// Connects when a panel is configured, defining `servers`, `nodes`, ...;
    /// nil when none is (the globals then say how to connect). `forREPL`:
    /// a panel that cannot say which it is does not stop the REPL.
    func connect(_ interpreter: Interpreter, forREPL: Bool = false) throws -> PanelConnection? {
        let environment = ProcessInfo.processInfo.environment
        let file = try ConfigurationFile.load(path: ConfigurationFile.defaultPath(environment: environment))
        // The profile's keys go only to the profile's own URL (see ProfileSelection).
        var chosen = try ProfileSelection.select(named: profile, file: file, environment: environment, url: url)
        guard chosen.url != nil || profile != nil else {
            PanelGlobals.installDisconnected(into: interpreter, reason: "no panel is configured: run `ptero login`, or pass --profile NAME or --url URL (keys in PTERO_APP_KEY / PTERO_CLIENT_KEY); `ptero demo` has a simulated one")
            return nil
        }
        if insecure { chosen.insecure = true }
        var gateSettings = WriteGate.Settings()
        gateSettings.dryRun = dryRun
        gateSettings.readOnly = chosen.readOnly
        gateSettings.assumeYes = yes
        return try PanelConnection.open(try chosen.connectionSettings(), executor: chosen.executorSettings(), gate: gateSettings,
                                        journal: try openJournal(), dialect: chosen.panel, assumeWhenUnknown: forREPL,
                                        consoleOrigin: chosen.consoleOrigin, into: interpreter)
    }

    /// The journal of `--journal FILE`. A dry run reads it without adding to
    /// it (it replays what was done and prints what would still be sent);
    /// a dry run with a journal that does not exist yet has nothing to replay.
    func openJournal() throws(JournalError) -> Journal? {
        guard let journal else { return nil }
        if dryRun {
            var information = stat()
            if lstat(journal, &information) != 0 && errno == ENOENT { return nil }
            return try Journal(path: journal, appends: false)
        }
        return try Journal(path: journal)
    }

    /// A REPL session cannot be journaled: a journal replays a script from
    /// its top, and a session has none to replay.
    func refuseJournalForREPL() throws(UsageError) {
        if journal != nil {
            throw UsageError("--journal is for scripts (a file, -e CODE or stdin): a journal replays a script from its top, which a REPL session has not")
        }
    }
}
