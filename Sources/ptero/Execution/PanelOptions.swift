import ArgumentParser
import Foundation
import PteroKit
import PteroLang
import PteroRuntime

/// The options that connect a script or the REPL to a panel and govern
/// its writes.
struct PanelOptions: ParsableArguments {
    @Option(help: "Profile from the configuration file (see `ptero login`).") var profile: String?
    @Option(help: "Panel URL, overriding the profile's (keys from PTERO_APP_KEY / PTERO_CLIENT_KEY).") var url: String?
    @Flag(name: .customLong("dry-run"), help: "Run reads; print each write (method, path, body) instead of sending it.") var dryRun = false
    @Flag(help: "Do destructive actions and large bulk jobs without asking.") var yes = false
    @Option(help: "Record each completed write in FILE; a rerun with the same FILE skips them.") var journal: String?
    @Flag(help: "Allow plain http to a panel on another machine.") var insecure = false

    /// Connects when a panel is configured, defining `servers`, `nodes`, ...;
    /// nil when none is (the globals then say how to connect).
    func connect(_ interpreter: Interpreter) throws -> PanelConnection? {
        var environment = ProcessInfo.processInfo.environment
        if let url { environment["PTERO_URL"] = url }
        let file = try ConfigurationFile.load(path: ConfigurationFile.defaultPath(environment: environment))
        var chosen = try ProfileSelection.select(named: profile, file: file, environment: environment)
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
                                        journal: try journal.map { path throws(JournalError) in try Journal(path: path) },
                                        into: interpreter)
    }
}
