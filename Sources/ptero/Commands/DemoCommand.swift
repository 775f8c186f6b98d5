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
    @Flag(name: .customLong("dry-run"), help: "Print each write instead of sending it.") var dryRun = false

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
        let running = try Blocking.wait { try await panel.start() }
        let settings = ConnectionSettings(url: running.url, applicationKey: panel.applicationKey, clientKey: panel.clientKey)
        let interpreter = Interpreter(output: StandardStreams.write, interruption: Interruption.evaluation)
        var gate = WriteGate.Settings()
        gate.dryRun = dryRun
        let connection = try PanelConnection.open(settings, gate: gate, dialect: .pterodactyl1, into: interpreter)
        let banner = REPLBanner.text(for: connection, simulated: true) + "\n" + Self.welcome.replacingOccurrences(of: "%URL%", with: running.url.absoluteString)
        let code = REPL(reader: makeLineReader(), banner: banner, interpreter: interpreter).run()
        connection.close()
        throw ExitCode(code)
    }
}
