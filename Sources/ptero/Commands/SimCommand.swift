import ArgumentParser
import Foundation
import PteroKit
import PteroRuntime
import PteroSim

/// `ptero sim`: a simulated panel on 127.0.0.1, for trying ptero and for
/// testing any Pterodactyl client against.
struct SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Serve a simulated Pterodactyl or Pelican panel (both APIs) on 127.0.0.1 with seeded data.",
        discussion: """
            Prints the URL and the keys it accepts, then serves until interrupted. \
            --panel pterodactyl-0.7 answers as Pterodactyl v0.7.19 does: its 46 routes, keys without a prefix, \
            ?search= and 50 a page whatever per_page says, 120/60 requests a minute per IP (15 on utilization); \
            --rate-limit then sets only off or the window. \
            --panel pelican answers as pelican-dev/panel does: no locations or nests, top-level eggs, roles, mounts, \
            database hosts and server transfers, users without names, nodes with tags, papp_/pacc_ keys, 256 requests \
            a minute per user on each API and per-server limits on creating databases, schedules, allocations, \
            subusers, pulls, restores and console tokens (--rate-limit then sets only off or the window); plugins are \
            data: no archive is fetched or opened (an import names its plugin from the url or file name, an update \
            takes the version the seed offers), and POST eggs/import reads a JSON egg file only (the panel reads YAML too). \
            GET /_sim/stats (requests by route and status, writes by path and status, console commands by server, sockets opened) and POST /_sim/reset (back to the seed data) \
            want the application key, as `Authorization: Bearer ptla_...`. \
            POST /_sim/clock {"advance": SECONDS} (application key too) moves the sim's clock: power transitions, \
            backups, installs, console stats and token expiry happen at once.

            The console: GET /api/client/servers/{id}/websocket answers a token and a socket URL on the sim's own \
            listener (ws://127.0.0.1:PORT/api/servers/{uuid}/ws; there is no separate node). The socket speaks Wings' \
            protocol: the Origin must be the sim's URL or an --allowed-origin; the first message is \
            {"event":"auth","args":[token]}; then status, stats every second while running, console output \
            (an egg-like game that answers list, say, save-off, save-on, save-all and help), send logs (the last 150 \
            lines), send command, set state (start, stop, restart, kill), install events on a reinstall, backup \
            completed, deleted, token expiring (60 s or less left; send a fresh auth on the same socket) and jwt error \
            once it has expired. --console-flavor pelican (the default with --panel pelican) adds Pelican's limits: 30 sockets a server, 4096-byte frames, \
            per-event throttles (throttled), a scope claim, close code 4409 for a suspended server.

            Where it differs from a real panel on purpose: signed download and upload URLs and the console             socket point at the sim itself (no node); there is no Wings-facing /api/remote API; CORS preflights             are not answered; SSH keys are read in OpenSSH form only (stored as the panel stores them, PKCS8).
            """
    )

    @Option(help: "Port to listen on (0 picks a free one).") var port = 0
    @Option(help: "The panel to answer as: pterodactyl-1.11 (or pterodactyl-1), pterodactyl-0.7 or pelican.")
    var panel = SimulatorDialect.pterodactyl111.rawValue
    @Option(help: "Seed: the same seed gives the same data.") var seed: UInt64 = 1
    @Option(help: "Number of nodes.") var nodes = 5
    @Option(help: "Number of servers.") var servers = 60
    @Option(help: "Number of users.") var users = 20
    @Option(name: .customLong("app-key"), help: "Application key to accept (48 characters, ptla_..., papp_... or without a prefix).") var applicationKey: String?
    @Option(name: .customLong("client-key"), help: "Client key to accept (48 characters, ptlc_..., pacc_... or without a prefix).") var clientKey: String?
    @Option(name: .customLong("rate-limit"), help: "app=N,client=M[,window=SECONDS] per window, or off.") var rateLimit: String?
    @Option(help: "Added latency per request in milliseconds (with jitter).") var latency = 0
    @Option(name: .customLong("fault-rate"), help: "Share of API requests that fail (0 to 1), each in one of the --faults ways.") var faultRate = 0.0
    @Option(help: "How they fail: all, or some of 500, 502, 503, drop-before (the panel never sees the request), drop-after, 504-after (the panel did it, its answer is lost).") var faults = "all"
    @Option(name: .customLong("console-rate"), help: "Lines a second of game chatter on a running server's console (0 to 1000).") var consoleRate = 0.0
    @Option(name: .customLong("allowed-origin"), help: "An Origin the console websocket accepts besides the sim's own URL (repeatable; * for any).") var allowedOrigins: [String] = []
    @Option(name: .customLong("console-flavor"), help: "Whose Wings the console acts as: pterodactyl or pelican (the default with --panel pelican).")
    var consoleFlavor: String?

    func validate() throws {
        guard let dialect = SimulatorDialect(name: panel) else {
            throw ValidationError("--panel must be pterodactyl-1.11, pterodactyl-1, pterodactyl-0.7 or pelican, got \"\(panel)\"")
        }
        guard dialect.isSimulated else { throw ValidationError("--panel \(dialect.rawValue) is not simulated yet") }
        for (name, count) in [("nodes", nodes), ("servers", servers), ("users", users)] where count < 1 {
            throw ValidationError("--\(name) must be at least 1")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (0...1).contains(faultRate) else { throw ValidationError("--fault-rate must be from 0 to 1") }
        try validateFaults()
        guard latency >= 0 else { throw ValidationError("--latency must be 0 or more") }
        try validateConsole()
        // Without a prefix too: a 1.11 panel still takes the keys a panel
        // before 1.8 issued, and `ptero login` must be testable with them.
        for (name, key, api) in [("app-key", applicationKey, PanelAPI.application), ("client-key", clientKey, .client)] {
            guard let key else { continue }
            do {
                try KeyFormat.check(key, role: "--\(name)", accepting: [api])
            } catch let error as ConfigurationError {
                throw ValidationError(error.message)
            }
        }
    }

    /// `--faults` (a function of its own, as `validateConsole`).
    private func validateFaults() throws {
        do {
            _ = try SimulatedFault.parse(faults)
        } catch {
            throw ValidationError("--faults: \(error)")
        }
    }

    /// The console's options (a function of its own: inline in `validate()`, Swift 6.3.1's
    /// SILGen crashed on the typed-throws catch below them).
    private func validateConsole() throws {
        guard consoleRate.isFinite, (0...ConsoleOptions.maximumChatterRate).contains(consoleRate) else {
            throw ValidationError("--console-rate must be from 0 to \(Int(ConsoleOptions.maximumChatterRate)) lines a second")
        }
        guard consoleFlavor.map({ ConsoleOptions.Flavor(rawValue: $0) != nil }) ?? true else {
            throw ValidationError("--console-flavor must be pterodactyl or pelican")
        }
        for origin in allowedOrigins where origin != "*" && !(origin.hasPrefix("http://") || origin.hasPrefix("https://")) {
            throw ValidationError("--allowed-origin must be a URL such as https://panel.example.com (or *), got \"\(origin)\"")
        }
    }

    func run() throws {
        var options = SimulatorOptions()
        options.port = port
        options.dialect = SimulatorDialect(name: panel) ?? .pterodactyl111
        options.seed = seed
        options.nodes = nodes
        options.servers = servers
        options.users = users
        options.applicationKey = applicationKey
        options.clientKey = clientKey
        options.latencyMilliseconds = latency
        options.faultRate = faultRate
        options.faults = (try? SimulatedFault.parse(faults)) ?? SimulatedFault.allCases
        options.console.chatterLinesPerSecond = consoleRate
        options.console.allowedOrigins = allowedOrigins
        // Pelican's panel comes with Pelican's Wings unless told otherwise.
        options.console.flavor = consoleFlavor.flatMap(ConsoleOptions.Flavor.init(rawValue:))
            ?? (options.dialect == .pelican ? .pelican : .pterodactyl)
        if let rateLimit {
            do {
                options.rateLimits = try RateLimitOptions(parsing: rateLimit)
            } catch {
                throw ValidationError("--rate-limit: \(error)")
            }
        }
        let panel = SimulatedPanel(options: options)
        do {
            try Blocking.wait {
                try await panel.run { url in
                    StandardStreams.write("""
                        PteroSim listening on \(url) (127.0.0.1 only)
                        application key: \(panel.applicationKey)
                        client key:      \(panel.clientKey)
                        Ctrl-C stops it.\n
                        """)
                    StandardStreams.flush()
                }
            }
        } catch {
            throw UsageError("the simulated panel stopped: \(error)")
        }
    }
}
