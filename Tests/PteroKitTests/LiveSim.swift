import Foundation
import PteroKit
import PteroSim

/// A simulated panel on a loopback port and a client connected to it, for
/// tests that go over a real socket.
final class LiveSim: Sendable {
    let panel: SimulatedPanel
    let running: RunningPanel
    var url: URL { running.url }

    /// Starts a panel; `configure` adjusts its options first.
    static func start(_ configure: (inout SimulatorOptions) -> Void = { _ in }) async throws -> LiveSim {
        var options = SimulatorOptions()
        options.port = 0
        options.servers = 30
        configure(&options)
        let panel = SimulatedPanel(options: options)
        return LiveSim(panel: panel, running: try await panel.start())
    }

    private init(panel: SimulatedPanel, running: RunningPanel) {
        self.panel = panel
        self.running = running
    }

    func settings(applicationKey: String? = nil, clientKey: String? = nil) -> ConnectionSettings {
        ConnectionSettings(url: url, applicationKey: applicationKey ?? panel.applicationKey,
                           clientKey: clientKey ?? panel.clientKey)
    }

    /// A client with its own transport; `stop` shuts both down.
    func client(settings: ConnectionSettings? = nil, executor: ExecutorSettings = ExecutorSettings()) throws -> PanelClient {
        let transport = try HTTPTransport(settings: settings ?? self.settings())
        return PanelClient(executor: Executor(transport: transport, settings: executor))
    }

    func stop(_ clients: PanelClient...) async {
        for client in clients { try? await client.executor.transport.shutdown() }
        await running.stop()
    }
}
