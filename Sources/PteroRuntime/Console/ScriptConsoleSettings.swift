import PteroKit

/// How the language's console calls behave: the connection's settings
/// (Origin, timeouts, back-off) and the language's own waits.
public struct ScriptConsoleSettings: Sendable {
    public var connection: ConsoleSettings
    /// `tail()` and `run()` without `until:` end once the console has said
    /// nothing this long: Wings marks no end of an answer.
    public var quietPeriod: Duration = .milliseconds(500)
    /// The wait of `s.stats()`, `tail()` and `run()` without `timeout:`.
    public var defaultTimeout: Duration = .seconds(10)
    /// The wait of `wait_for`, `wait_state` and `for line in s.console` without `timeout:`.
    public var defaultWait: Duration = .seconds(60)
    /// The longest `timeout:` accepted, in seconds (a day; nothing waits forever).
    public static let longestTimeout = 86_400.0

    public init(connection: ConsoleSettings) {
        self.connection = connection
    }
}
