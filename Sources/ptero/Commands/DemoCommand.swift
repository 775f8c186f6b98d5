import ArgumentParser
import Foundation
import PteroKit
import PteroLang
import PteroRuntime
import PteroSim

/// `ptero demo`: the REPL on a simulated panel with seeded data, started
/// in this process on a loopback port.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the REPL on a simulated panel with seeded data."
    )

    @Option(help: "Seed of the simulated panel's data.") var seed: UInt64 = 1
    @Option(help: "Number of servers on the simulated panel.") var servers = 60

    static let welcome = """
        Connected to a simulated panel at %URL% with seeded data. Try:
          servers.count
          for s in servers where suspended { print(s, s.limits.memory) }
          (nodes where name ~ "1").list
        """

    func run() throws {
        var options = SimulatorOptions()
        options.seed = seed
        options.servers = max(1, servers)
        let panel = SimulatedPanel(options: options)
        let address = ResultBox<String>()
        let ready = DispatchSemaphore(value: 0)
        Task {
            do {
                try await panel.run { url in
                    address.result = .success(url)
                    ready.signal()
                }
            } catch {
                address.result = .failure(error)
                ready.signal()
            }
        }
        ready.wait()
        guard let url = URL(string: try address.result!.get()) else { throw UsageError("the simulated panel did not start") }

        let settings = ConnectionSettings(url: url, applicationKey: panel.applicationKey, clientKey: panel.clientKey)
        let transport = try HTTPTransport(settings: settings)
        let client = PanelClient(executor: Executor(transport: transport))
        let gate = WriteGate(settings: WriteGate.Settings(), report: { StandardStreams.write($0 + "\n") },
                             confirm: Confirmation.onTerminal)
        let interpreter = Interpreter(output: StandardStreams.write, interruption: Interruption.evaluation)
        PanelGlobals.install(into: interpreter, session: PanelSession(client: client, gate: gate, interruption: interpreter.interruption,
                                                                      progress: ProgressPrinter.make()))
        let banner = REPL.standardBanner + "\n" + Self.welcome.replacingOccurrences(of: "%URL%", with: url.absoluteString)
        let code = REPL(reader: makeLineReader(), banner: banner, interpreter: interpreter).run()
        // async-http-client refuses to be released without a shutdown.
        try? waitFor { try await transport.shutdown() }
        throw ExitNow(code)
    }
}
