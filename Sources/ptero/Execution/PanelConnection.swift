import Foundation
import PteroKit
import PteroLang
import PteroRuntime

/// A live connection to a panel, closed once the script or REPL ends.
struct PanelConnection {
    let transport: HTTPTransport
    let gate: WriteGate

    /// Connects `interpreter`: `servers`, `nodes`, ... read through one
    /// executor, and every write passes the gate.
    static func open(_ settings: ConnectionSettings, executor: ExecutorSettings = ExecutorSettings(),
                     gate gateSettings: WriteGate.Settings = WriteGate.Settings(), journal: Journal? = nil,
                     into interpreter: Interpreter) throws -> PanelConnection {
        let transport = try HTTPTransport(settings: settings)
        History.keepOut(settings.secrets)
        // With JSON output, stdout holds only JSON: the dry-run lines go to stderr.
        let toStandardError = interpreter.printsJSON
        let report: @Sendable (String) -> Void = { line in
            if toStandardError { StandardStreams.writeError(line + "\n") } else { StandardStreams.write(line + "\n") }
        }
        let gate = WriteGate(settings: gateSettings, journal: journal, report: report,
                             confirm: Confirmation.onTerminal)
        let client = PanelClient(executor: Executor(transport: transport, settings: executor))
        PanelGlobals.install(into: interpreter, session: PanelSession(client: client, gate: gate, interruption: interpreter.interruption,
                                                                      abandonment: Interruption.abandonment, progress: ProgressPrinter.make()))
        // Ctrl-C stops a bulk job from starting new tasks and lets the
        // running ones finish, in scripts as in the REPL.
        Interruption.installHandler()
        return PanelConnection(transport: transport, gate: gate)
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
        let transport = self.transport
        try? Blocking.wait { try await transport.shutdown() }
    }
}
