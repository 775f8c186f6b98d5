import Synchronization

/// The one place state lives: every request takes the lock once, runs auth, throttle
/// and its handler against `PanelState`, and leaves. Nothing else is mutable.
final class PanelStore: Sendable {
    let options: SimulatorOptions
    let routes: RouteTable
    private let state: Mutex<PanelState>
    let applicationKey: String
    let clientKey: String
    /// The sim's own URL, the base of every link it sends (the panel's APP_URL), never the
    /// request's `Host`; `http://HOST` until the port is bound.
    private let address: Mutex<String>

    init(options: SimulatorOptions) {
        self.options = options
        let seeded = Self.seed(options)
        let keys = seeded.sortedValues(seeded.apiKeys).filter { $0.userId == 1 }
        applicationKey = keys.first { $0.kind == .application }!.token
        clientKey = keys.first { $0.kind == .client }!.token
        state = Mutex(seeded)
        address = Mutex("http://" + options.host + (options.port == 0 ? "" : ":\(options.port)"))
        let dialectRoutes: [Route] = switch options.dialect {
        case .pterodactyl07: Pterodactyl07Routes.all
        case .pterodactyl111: ApplicationRoutes.all + ClientRoutes.all
        case .pelican: PelicanRoutes.all
        }
        routes = RouteTable(dialectRoutes)
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
        if options.dialect == .pterodactyl07 {
            Pterodactyl07Keys.unprefix(&state, keeping: [options.applicationKey, options.clientKey].compactMap { $0 })
        }
        if options.dialect == .pelican {
            PelicanSeed.apply(&state, keeping: [options.applicationKey, options.clientKey].compactMap { $0 })
            state.clientKeyPrefix = PelicanSeed.clientPrefix
        }
        state.rateLimits = options.rateLimits
        state.consoleFlavor = options.console.flavor
        state.dialect = options.dialect
        let now = options.clock.now()
        for (id, server) in state.servers where server.power.phase == .running { state.servers[id]?.power.runningSince = now - Double(server.id * 3600) }
        return state
    }

    /// The base of links in answers: `http://127.0.0.1:PORT` once listening.
    var url: String { address.withLock { $0 } }

    func listening(at url: String) { address.withLock { $0 = url } }

    /// Throws the seeded world away and starts again from the same seed.
    func reset() {
        let fresh = Self.seed(options)
        state.withLock { $0 = fresh }
    }

    func withState<T>(_ body: (inout PanelState) throws -> T) rethrows -> T {
        try state.withLock { try body(&$0) }
    }

    /// Answers one request completely (no I/O, no suspension); its body is parsed before the lock is taken.
    func handle(_ request: IncomingRequest) -> SimResponse {
        let parsedBody = ParsedBody(request)
        return state.withLock { state in
            let response: SimResponse
            let routeName: String
            let apiName: String?
            switch options.dialect {
            case .pterodactyl111:
                var pipeline = RequestPipeline(store: self, request: request, parsedBody: parsedBody)
                response = pipeline.run(&state)
                routeName = pipeline.routeName
                apiName = pipeline.apiName
            case .pterodactyl07:
                var pipeline = Pterodactyl07Pipeline(store: self, request: request, parsedBody: parsedBody)
                response = pipeline.run(&state)
                routeName = pipeline.routeName
                apiName = pipeline.apiName
            case .pelican:
                var pipeline = PelicanPipeline(store: self, request: request, parsedBody: parsedBody)
                response = pipeline.run(&state)
                routeName = pipeline.routeName
                apiName = pipeline.apiName
            }
            state.stats.record(route: routeName, method: request.method, path: request.path, api: apiName, status: response.status, now: request.now)
            return response
        }
    }
}
