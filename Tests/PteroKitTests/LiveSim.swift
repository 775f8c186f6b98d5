import Foundation
import PteroKit
import PteroSim

/// A simulated panel on a loopback port and a client connected to it, for
/// tests that go over a real socket.
final class LiveSim: Sendable {
    let panel: SimulatedPanel
    let url: URL
    let serving: Task<Void, Error>

    /// Starts a panel; `configure` adjusts its options first.
    static func start(_ configure: (inout SimulatorOptions) -> Void = { _ in }) async throws -> LiveSim {
        var options = SimulatorOptions()
        options.port = 0
        options.servers = 30
        configure(&options)
        let panel = SimulatedPanel(options: options)
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let serving = Task { try await panel.run { url in continuation.yield(url) } }
        var iterator = stream.makeAsyncIterator()
        guard let address = await iterator.next(), let url = URL(string: address) else {
            serving.cancel()
            throw ConfigurationError("the simulated panel did not start")
        }
        return LiveSim(panel: panel, url: url, serving: serving)
    }

    private init(panel: SimulatedPanel, url: URL, serving: Task<Void, Error>) {
        self.panel = panel
        self.url = url
        self.serving = serving
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
        serving.cancel()
        _ = try? await serving.value
    }
}
