import Foundation
import PteroKit
import PteroLang
import PteroRuntime

/// A live connection to a panel, closed once the script or REPL ends.
struct PanelConnection {
    let client: PanelClient
    let settings: ConnectionSettings
    let gate: WriteGate
    /// The script's session: its console sockets are closed with the connection.
    let session: PanelSession
    /// The panel software it talks to, named by the profile or found by asking.
    let dialect: PanelDialect
    /// Why asking the panel which it is failed, when the REPL went on with
    /// Pterodactyl 1.x assumed (a script stops instead).
    let detectionFailure: String?
    var assumed: Bool { detectionFailure != nil }

    /// Connects `interpreter`: `servers`, `nodes`, ... read through one
    /// executor, and every write passes the gate. `dialect` nil asks the
    /// panel which it is (one request, `DialectDetection`); when that fails,
    /// `assumeWhenUnknown` (the REPL, which may be opened before the panel
    /// is up) goes on as Pterodactyl 1.x and says so, else the error is thrown.
    static func open(_ settings: ConnectionSettings, executor: ExecutorSettings = ExecutorSettings(),
                     gate gateSettings: WriteGate.Settings = WriteGate.Settings(), journal: Journal? = nil,
                     dialect named: PanelDialect? = nil, assumeWhenUnknown: Bool = false, consoleOrigin: String? = nil,
                     into interpreter: Interpreter) throws -> PanelConnection {
        let connected = try PanelClient.connect(settings, executor: executor)
        let dialect: PanelDialect
        var detectionFailure: String?
        do {
            dialect = try named ?? detect(connected, settings: settings)
        } catch let failure as TransportError where assumeWhenUnknown {
            dialect = .pterodactyl1
            detectionFailure = failure.message
        } catch let unknown as DetectionError where assumeWhenUnknown {
            dialect = .pterodactyl1
            detectionFailure = "\(unknown.request) answered \(unknown.status)"
        } catch {
            try? Blocking.wait { await connected.shutdown() }
            throw error
        }
        let client = connected.speaking(dialect)
        History.keepOut(settings.secrets)
        // With JSON output, stdout holds only JSON: the dry-run lines go to stderr.
        let toStandardError = interpreter.printsJSON
        let report: @Sendable (String) -> Void = { line in
            if toStandardError { StandardStreams.writeError(line + "\n") } else { StandardStreams.write(line + "\n") }
        }
        let gate = WriteGate(settings: gateSettings, journal: journal, report: report,
                             confirm: Confirmation.onTerminal)
        // The console websocket shows Wings the panel's URL as Origin unless the profile names another.
        var console = ConsoleSettings(origin: ConsoleSettings.origin(panelURL: settings.url, override: consoleOrigin))
        console.connectTimeout = settings.connectTimeout
        console.allowInsecure = settings.allowInsecure
        let session = PanelSession(client: client, gate: gate, dialect: dialect, interruption: interpreter.interruption,
                                   abandonment: Interruption.abandonment, progress: ProgressPrinter.make(),
                                   console: ScriptConsoleSettings(connection: console))
        PanelGlobals.install(into: interpreter, session: session)
        // Ctrl-C stops a bulk job from starting new tasks and lets the
        // running ones finish, in scripts as in the REPL.
        Interruption.installHandler()
        return PanelConnection(client: client, settings: settings, gate: gate, session: session, dialect: dialect, detectionFailure: detectionFailure)
    }

    /// Asks the panel which software it is, through the executor (its
    /// limits and retries), before the script starts. The probe is a read
    /// outside the script, so it is not journaled: a resumed run asks again.
    static func detect(_ client: PanelClient, settings: ConnectionSettings) throws -> PanelDialect {
        let hasClientKey = settings.clientKey != nil
        let hasApplicationKey = settings.applicationKey != nil
        return try Blocking.wait {
            try await client.detectDialect(hasApplicationKey: hasApplicationKey, hasClientKey: hasClientKey)
        }
    }

    /// Prints the dry-run or journal summary and releases the connections
    /// (async-http-client refuses to be released without a shutdown).
    /// `finished` when the script ran to its end: a journal then records
    /// that, so a rerun says the journal was complete (a dry run marks nothing).
    /// `summarize` false when the run never started (its journal was refused).
    func close(finished: Bool = false, summarize: Bool = true) {
        if summarize, let summary = gate.summary { StandardStreams.writeError(summary + "\n") }
        if finished, !gate.settings.dryRun, let journal = gate.journal {
            do {
                try journal.finish()
            } catch {
                StandardStreams.writeError("ptero: \(error.description)\n")
            }
        }
        session.closeConsoles()
        let client = self.client
        try? Blocking.wait { await client.shutdown() }
    }
}
