import Logging

/// How to start a simulated panel: where to listen, what to seed, how strict and how
/// flaky to be. Every field has a default that looks like a small real hosting panel.
public struct SimulatorOptions: Sendable {
    /// Interface to bind; the sim is meant for loopback only.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks any free port (reported through `run(onReady:)`).
    public var port: Int = 0
    /// Seed of the deterministic data generator: same seed and counts, same panel.
    public var seed: UInt64 = 1
    public var nodes: Int = 5
    public var servers: Int = 60
    public var users: Int = 20
    /// The admin's `ptla_` key (48 chars); nil derives one from the seed.
    public var applicationKey: String?
    /// The admin's `ptlc_` key (48 chars); nil derives one from the seed.
    public var clientKey: String?
    public var rateLimits: RateLimitOptions = .panelDefaults
    /// Added to every API answer, with ±25% jitter.
    public var latencyMilliseconds: Int = 0
    /// Probability (0...1) that an API request fails: 500/502/503 or a dropped connection before the
    /// panel sees it, or a dropped connection or 504 after it did it (`FaultInjector.Fate`).
    public var faultRate: Double = 0
    /// The ways a request picked by `faultRate` fails, one of them at random (`--faults`).
    public var faults: [SimulatedFault] = SimulatedFault.allCases
    /// A connection that sends nothing for this long is closed: a request whose head (or
    /// body) stops half-way, or an idle keep-alive connection. The panel's nginx closes a
    /// stalled request head after 60 s (`client_header_timeout`). At most a day is used.
    public var idleTimeout: Duration = .seconds(60)
    /// Where the server's own messages go; nil: warnings and worse to standard error.
    public var logger: Logger?
    /// Durations of power transitions, backups, installs.
    public var timing: SimulationTiming = SimulationTiming()
    /// The clock every timed change reads; `SimClock.manual()` in tests, moved by `POST /_sim/clock`.
    public var clock: SimClock = .system()
    /// The simulated node's console websocket (`/api/servers/{uuid}/ws` on the sim's own listener).
    public var console = ConsoleOptions()
    /// Which panel to answer as; 1.11 by default. With `.pterodactyl07` the seeded keys
    /// have no `ptla_`/`ptlc_` prefix and `rateLimits` keeps only `enabled` and the window
    /// (0.7's limits are fixed in its Kernel: 120, 60 and 15 a minute).
    public var dialect: SimulatorDialect = .pterodactyl111

    public init() {}
}
