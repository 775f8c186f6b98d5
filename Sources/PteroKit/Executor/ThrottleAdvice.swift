import Foundation

/// How long a 429 asks us to wait, and whether it concerns the whole API
/// or only the route that was refused.
struct ThrottleAdvice: Sendable, Equatable {
    var wait: Duration
    /// True for the API's own throttle: every request of the API waits.
    /// False for a route's stricter throttle (`files/pull` allows 10 per 5
    /// minutes), which should not stall the rest of the API.
    var pausesAPI: Bool

    /// Reads a 429; nil when it is not a throttle to wait out: with
    /// `X-RateLimit-Remaining` above zero the API had room, so it is a
    /// business rule (two backups per 600 s) that resending will not fix.
    init?(_ response: PanelResponse, window: Duration, now: Date = Date()) {
        guard response.status == 429 else { return nil }
        if let remaining = response.header("x-ratelimit-remaining").flatMap({ Int($0) }), remaining > 0 { return nil }
        if let seconds = response.header("retry-after").flatMap({ Double($0) }) {
            wait = .milliseconds(Int64(max(0, seconds) * 1000))
        } else if let reset = response.header("x-ratelimit-reset").flatMap({ Double($0) }) {
            wait = .milliseconds(Int64(max(0, reset - now.timeIntervalSince1970) * 1000))
        } else {
            wait = window
        }
        pausesAPI = wait <= window + .seconds(1)
    }
}
