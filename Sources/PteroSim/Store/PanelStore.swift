import Synchronization

/// The one place state lives: every request takes the lock once, runs auth, throttle
/// and its handler against `PanelState`, and leaves. Nothing else is mutable.
final class PanelStore: Sendable {
    let options: SimulatorOptions
    let routes: RouteTable
    private let state: Mutex<PanelState>
    let applicationKey: String
    let clientKey: String

    init(options: SimulatorOptions) {
        self.options = options
        let seeded = Self.seed(options)
        let keys = seeded.sortedValues(seeded.apiKeys).filter { $0.userId == 1 }
        applicationKey = keys.first { $0.kind == .application }!.token
        clientKey = keys.first { $0.kind == .client }!.token
        state = Mutex(seeded)
        routes = RouteTable(ApplicationRoutes.all + ClientRoutes.all)
    }

    static func seed(_ options: SimulatorOptions) -> PanelState {
        var configuration = SeedConfiguration()
        configuration.seed = options.seed
        configuration.nodes = options.nodes
        configuration.servers = options.servers
        configuration.users = options.users
        configuration.applicationKey = options.applicationKey
        configuration.clientKey = options.clientKey
        var state = Seeder.build(configuration, timing: options.timing)
        state.rateLimits = options.rateLimits
        let now = Clock.now()
        for (id, server) in state.servers where server.power.phase == .running { state.servers[id]?.power.runningSince = now - Double(server.id * 3600) }
        return state
    }

    /// Throws the seeded world away and starts again from the same seed.
    func reset() {
        let fresh = Self.seed(options)
        state.withLock { $0 = fresh }
    }

    func withState<T>(_ body: (inout PanelState) throws -> T) rethrows -> T {
        try state.withLock { try body(&$0) }
    }

    /// Answers one request completely (no I/O, no suspension).
    func handle(_ request: IncomingRequest) -> SimResponse {
        state.withLock { state in
            var pipeline = RequestPipeline(store: self, request: request)
            let response = pipeline.run(&state)
            state.stats.record(route: pipeline.routeName, api: pipeline.apiName, status: response.status, now: request.now)
            return response
        }
    }
}
