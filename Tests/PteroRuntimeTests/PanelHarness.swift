import Foundation
import PteroKit
import PteroLang
import PteroSim
import Synchronization
@testable import PteroRuntime

/// A simulated panel on loopback, an interpreter with the panel's globals,
/// and a record of every request sent.
final class PanelHarness: Sendable {
    /// Passes requests on and remembers them.
    final class RecordingTransport: PanelTransport {
        let inner: HTTPTransport
        let sent = Mutex<[PanelRequest]>([])
        /// Requests in flight now, and the most at once so far.
        let inFlight = Mutex<(now: Int, most: Int)>((0, 0))
        /// An answer to give instead of the panel's, for requests it picks.
        let override = Mutex<(@Sendable (PanelRequest) -> PanelResponse?)?>(nil)
        init(_ inner: HTTPTransport) { self.inner = inner }
        func send(_ request: PanelRequest) async throws -> PanelResponse {
            sent.withLock { $0.append(request) }
            if let answer = override.withLock({ $0 })?(request) { return answer }
            inFlight.withLock { $0 = ($0.now + 1, max($0.most, $0.now + 1)) }
            defer { inFlight.withLock { $0.now -= 1 } }
            return try await inner.send(request)
        }
        func shutdown() async throws { try await inner.shutdown() }
    }

    let panel: SimulatedPanel
    let running: RunningPanel
    let transport: RecordingTransport
    let session: PanelSession

    /// Lines printed, kept across threads.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func withLock<Result>(_ body: (inout [String]) -> Result) -> Result { lines.withLock { body(&$0) } }
    }

    /// What the write gate printed (dry-run lines).
    let gateLines = Lines()

    init(servers: Int = 60, latencyMilliseconds: Int = 0, gate settings: WriteGate.Settings = WriteGate.Settings(),
         journal: Journal? = nil, dialect: PanelDialect = .pterodactyl1,
         simulator configure: (inout SimulatorOptions) -> Void = { _ in }) async throws {
        var options = SimulatorOptions()
        options.servers = servers
        options.latencyMilliseconds = latencyMilliseconds
        // A Pelican session talks to the simulated Pelican; the others to 1.x (0.7's tests
        // show the routes 0.7 asks by the 1.x sim's 404s).
        if dialect == .pelican { options.dialect = .pelican }
        configure(&options)
        panel = SimulatedPanel(options: options)
        running = try await panel.start()
        let url = running.url
        transport = RecordingTransport(try HTTPTransport(settings: ConnectionSettings(
            url: url, applicationKey: panel.applicationKey, clientKey: panel.clientKey)))
        let lines = gateLines
        let transport = self.transport
        Self.unstopped.withLock { $0[ObjectIdentifier(transport)] = transport }
        session = PanelSession(client: PanelClient(executor: Executor(transport: transport)),
                               gate: WriteGate(settings: settings, journal: journal, report: { line in lines.withLock { $0.append(line) } }),
                               dialect: dialect, console: Self.consoleSettings(url: url))
    }

    /// The console as the command sets it up, with short waits: a test of a quiet console waits them out.
    static func consoleSettings(url: URL) -> ScriptConsoleSettings {
        var connection = ConsoleSettings(origin: ConsoleSettings.origin(panelURL: url))
        connection.reconnectDelay = .milliseconds(1)
        var settings = ScriptConsoleSettings(connection: connection)
        settings.quietPeriod = .milliseconds(200)
        return settings
    }

    /// Transports of harnesses not yet stopped. A test that fails before
    /// `stop()` would otherwise drop an HTTP client that was never shut
    /// down, which aborts the whole test run.
    private static let unstopped = Mutex<[ObjectIdentifier: RecordingTransport]>([:])

    var requests: [PanelRequest] { transport.sent.withLock { $0 } }
    func forgetRequests() {
        transport.sent.withLock { $0.removeAll() }
        transport.inFlight.withLock { $0.most = 0 }
    }
    /// The most requests that were in flight at once.
    var mostInFlight: Int { transport.inFlight.withLock { $0.most } }

    /// Runs `code` on the interpreter's own large-stack thread, as the
    /// command does, and returns what it printed; `then` may look at the
    /// interpreter afterwards (its completions, say).
    func run(_ code: String, then inspect: @escaping @Sendable (Interpreter) -> [String] = { _ in [] }) async throws -> [String] {
        let session = self.session
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                var printed = ""
                let interpreter = Interpreter(output: { printed += $0 })
                PanelGlobals.install(into: interpreter, session: session)
                do {
                    _ = try interpreter.run(Source(name: "test.ptero", text: code))
                    continuation.resume(returning: printed.split(separator: "\n").map(String.init) + inspect(interpreter))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 64 << 20
            thread.start()
        }
    }

    func stop() async {
        try? await transport.shutdown()
        let transport = self.transport
        Self.unstopped.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(transport)) }
        await running.stop()
    }
}
