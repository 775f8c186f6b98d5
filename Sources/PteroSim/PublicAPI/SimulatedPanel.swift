import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import ServiceLifecycle

/// A simulated Pterodactyl panel serving both APIs on seeded in-memory data.
///
/// Use `run(onReady:)` to serve on a loopback port until the task is cancelled, or
/// `makeApplication()` to drive it in-process with `app.test(.router)`:
///
/// ```swift
/// let panel = SimulatedPanel(options: SimulatorOptions())
/// try await panel.run { url in print("panel at \(url), key \(panel.applicationKey)") }
/// ```
public final class SimulatedPanel: Sendable {
    let store: PanelStore
    /// The simulated node's console websockets, served on the same listener.
    let console: ConsoleHub

    public init(options: SimulatorOptions) {
        store = PanelStore(options: options)
        console = ConsoleHub(store: store)
    }

    /// The admin's application key (`ptla_…`), accepted with full read/write permissions.
    public var applicationKey: String { store.applicationKey }
    /// The admin's client key (`ptlc_…`); the admin is root, so it also works on the application API.
    public var clientKey: String { store.clientKey }

    /// Binds `host:port`, calls `onReady` with `http://host:PORT`, and serves until cancelled.
    ///
    /// Cancelling shuts the server down gracefully (it stops listening, finishes the
    /// answers under way, then returns): a Hummingbird server whose task is cancelled
    /// logs "Waiting on child channel: CancellationError()" at error level, which
    /// filled a passing test run with 132 error lines.
    public func run(onReady: @escaping @Sendable (_ url: String) -> Void) async throws {
        let application = makeServingApplication(onReady: onReady)
        var configuration = ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [], logger: logger)
        // Answers under way get this long to finish (a slow client cannot keep the sim alive).
        configuration.maximumGracefulShutdownDuration = .seconds(10)
        let group = ServiceGroup(configuration: configuration)
        // Not a child task: the caller's cancellation must reach the group only as a graceful shutdown.
        let serving = Task { try await group.run() }
        // On real time the consoles' timers (stats, chatter, token expiry) need a tick; a
        // manual clock ticks only when it is advanced.
        let console = console
        let ticker: Task<Void, Never>? = store.options.clock.isManual ? nil : Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                console.tick()
            }
        }
        defer { ticker?.cancel() }
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// An application for `app.test(.router)` / `.live` in tests (binds only when run).
    public func makeApplication() -> some ApplicationProtocol {
        makeServingApplication(onReady: { _ in })
    }

    private func makeServingApplication(onReady: @escaping @Sendable (_ url: String) -> Void) -> some ApplicationProtocol {
        let store = store
        let host = store.options.host
        // In nanoseconds for NIO, kept within a day so the product cannot overflow.
        let idle = store.options.idleTimeout.components
        let idleNanoseconds = min(max(idle.seconds, 0), 86_400) * 1_000_000_000 + max(idle.attoseconds, 0) / 1_000_000_000
        let console = console
        let socketConfiguration = {
            var configuration = WebSocketServerConfiguration()
            configuration.maxFrameSize = console.maximumFrameSize
            return configuration
        }()
        return Application(
            responder: PanelResponder(store: store, console: console),
            server: HTTPServerBuilder { responder in
                IdleGuardedUpgradeChannel(
                    base: HTTP1WebSocketUpgradeChannel(
                        responder: responder,
                        configuration: .init(http1: .init(idleTimeout: .nanoseconds(max(1, idleNanoseconds))), ws: socketConfiguration),
                        shouldUpgrade: ConsoleSocket.shouldUpgrade(console)),
                    timeout: .nanoseconds(max(1, idleNanoseconds)), console: console)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: store.options.port), serverName: nil),
            onServerRunning: { channel in
                let url = "http://\(host):\(channel.localAddress?.port ?? 0)"
                // Links in answers name this address, as the panel's name its APP_URL.
                store.listening(at: url)
                onReady(url)
            },
            logger: logger
        )
    }

    /// `SimulatorOptions.logger`, or warnings and worse to standard error.
    private var logger: Logger {
        if let logger = store.options.logger { return logger }
        var logger = Logger(label: "PteroSim")
        logger.logLevel = .warning
        return logger
    }
}
