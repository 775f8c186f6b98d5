/// How the simulated node's console websocket behaves: which Wings it acts as, which
/// origins it accepts, and how chatty the game is.
public struct ConsoleOptions: Sendable {
    /// The Wings whose websocket rules apply.
    public enum Flavor: String, Sendable, CaseIterable {
        /// Pterodactyl Wings v1.11.11: no socket or frame limits of its own.
        case pterodactyl
        /// Pelican Wings (v1.0.0-beta29): 30 sockets a server, 4096-byte frames, per-event
        /// throttles answered with `throttled`, close code 4409 for a suspended server and a
        /// `scope` claim in the token.
        case pelican
    }

    public var flavor: Flavor = .pterodactyl
    /// Origins accepted besides the sim's own URL (Wings' `allowed_origins`; `*` accepts any).
    public var allowedOrigins: [String] = []
    /// Lines a second of game chatter while a server runs (0: none). At most
    /// `maximumChatterRate`, so a moved clock cannot flood a socket.
    public var chatterLinesPerSecond: Double = 0
    /// Seconds between `stats` events while a server runs (Docker's stats stream: 1 s).
    public var statsIntervalSeconds: Double = 1

    /// The highest chatter rate accepted (lines a second).
    public static let maximumChatterRate: Double = 1000

    public init() {}
}
