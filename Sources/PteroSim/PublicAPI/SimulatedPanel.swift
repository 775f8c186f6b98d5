import Hummingbird
import Logging

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

    public init(options: SimulatorOptions) {
        store = PanelStore(options: options)
    }

    /// The admin's application key (`ptla_…`), accepted with full read/write permissions.
    public var applicationKey: String { store.applicationKey }
    /// The admin's client key (`ptlc_…`); the admin is root, so it also works on the application API.
    public var clientKey: String { store.clientKey }

    /// Binds `host:port`, calls `onReady` with `http://host:PORT`, and serves until cancelled.
    public func run(onReady: @escaping @Sendable (_ url: String) -> Void) async throws {
        let host = store.options.host
        let application = Application(
            responder: PanelResponder(store: store),
            configuration: ApplicationConfiguration(address: .hostname(host, port: store.options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onReady("http://\(host):\(port)")
            },
            logger: Self.quietLogger
        )
        try await application.runService(gracefulShutdownSignals: [])
    }

    /// An application for `app.test(.router)` / `.live` in tests (binds only when run).
    public func makeApplication() -> some ApplicationProtocol {
        Application(
            responder: PanelResponder(store: store),
            configuration: ApplicationConfiguration(address: .hostname(store.options.host, port: store.options.port)),
            logger: Self.quietLogger
        )
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "PteroSim")
        logger.logLevel = .warning
        return logger
    }
}
