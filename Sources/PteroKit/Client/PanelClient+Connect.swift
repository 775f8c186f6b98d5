/// How every command connects to a panel: one transport for the settings,
/// one executor over it, one client over that, with the dialect's table.
/// Nobody wires the three by hand.
extension PanelClient {
    /// A client for `settings` on `dialect`'s table. Its connections stay
    /// open until `shutdown()`.
    public static func connect(_ settings: ConnectionSettings, executor: ExecutorSettings = ExecutorSettings(),
                               dialect: PanelDialect = .pterodactyl1) throws -> PanelClient {
        let transport = try HTTPTransport(settings: settings)
        return PanelClient(executor: Executor(transport: transport, settings: executor), table: dialect.table)
    }

    /// The same connection on `dialect`'s table (once detection has told which).
    public func speaking(_ dialect: PanelDialect) -> PanelClient {
        PanelClient(executor: executor, table: dialect.table)
    }

    /// Asks the panel which software it is (`DialectDetection`), with the
    /// keys this client has, through its executor.
    public func detectDialect(hasApplicationKey: Bool, hasClientKey: Bool) async throws -> PanelDialect {
        try await DialectDetection.detect(using: executor, hasApplicationKey: hasApplicationKey, hasClientKey: hasClientKey)
    }

    /// Releases the connections: async-http-client refuses to be dropped
    /// without a shutdown.
    public func shutdown() async {
        try? await executor.transport.shutdown()
    }

    /// Runs `body` with a client for `settings` and shuts it down after,
    /// whatever `body` does.
    public static func with<Result: Sendable>(_ settings: ConnectionSettings, executor: ExecutorSettings = ExecutorSettings(),
                                              dialect: PanelDialect = .pterodactyl1,
                                              _ body: (PanelClient) async throws -> Result) async throws -> Result {
        let client = try connect(settings, executor: executor, dialect: dialect)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }
}
