import Foundation

/// How long a 429 asks us to wait, and whether it concerns the whole API
/// or only the route that was refused.
struct ThrottleAdvice: Sendable, Equatable {
    /// Never more than `HeaderNumber.longestSeconds`, whatever was asked.
    var wait: Duration
    /// True for the API's own throttle: every request of the API waits.
    /// False for a route's stricter throttle (`files/pull` allows 10 per 5
    /// minutes), which should not stall the rest of the API.
    var pausesAPI: Bool

    /// Reads a 429; nil when it is not a throttle to wait out: with
    /// `X-RateLimit-Remaining` above zero the API had room, so it is a
    /// business rule (two backups per 600 s) that resending will not fix.
    /// A `Retry-After` that is no number of seconds (garbage, `inf`) is as
    /// if missing: the reset time or else one window is waited.
    init?(_ response: PanelResponse, window: Duration, now: Date = Date()) {
        guard response.status == 429 else { return nil }
        if let remaining = response.header("x-ratelimit-remaining").flatMap({ HeaderNumber.count($0, in: 0...Int.max) }),
           remaining > 0 { return nil }
        if let seconds = response.header("retry-after").flatMap(HeaderNumber.seconds) {
            wait = HeaderNumber.duration(seconds: seconds)
        } else if let reset = response.header("x-ratelimit-reset").flatMap(HeaderNumber.seconds) {
            wait = HeaderNumber.duration(seconds: max(0, reset - now.timeIntervalSince1970))
        } else {
            wait = window
        }
        pausesAPI = wait <= window + .seconds(1)
    }
}
