/// Fixed-window counters keyed by bucket (API + user), like Laravel's cache throttle:
/// the window opens at the first hit and everything in it counts, answered or not.
struct RateLimiter: Sendable {
    struct Window: Sendable {
        var startedAt: Double
        var count: Int
    }

    /// Result of one hit: allowed or not, and what the headers should say.
    struct Decision: Sendable {
        var allowed: Bool
        var limit: Int
        var remaining: Int
        var retryAfter: Int
        var resetAt: Int

        var headers: [(String, String)] {
            var headers = [("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining))]
            if !allowed {
                headers.append(("Retry-After", String(retryAfter)))
                headers.append(("X-RateLimit-Reset", String(resetAt)))
            }
            return headers
        }
    }

    private var windows: [String: Window] = [:]

    mutating func hit(_ bucket: String, limit: Int, windowSeconds: Double, now: Double) -> Decision {
        var window = windows[bucket] ?? Window(startedAt: now, count: 0)
        if now >= window.startedAt + windowSeconds { window = Window(startedAt: now, count: 0) }
        let end = window.startedAt + windowSeconds
        let retryAfter = max(1, Int((end - now).rounded(.up)))
        let resetAt = Int(end.rounded(.up))
        if window.count >= limit {
            windows[bucket] = window
            return Decision(allowed: false, limit: limit, remaining: 0, retryAfter: retryAfter, resetAt: resetAt)
        }
        window.count += 1
        windows[bucket] = window
        return Decision(allowed: true, limit: limit, remaining: limit - window.count, retryAfter: retryAfter, resetAt: resetAt)
    }

    mutating func reset() { windows = [:] }
}
