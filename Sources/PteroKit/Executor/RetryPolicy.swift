/// Which failures may be sent again and how long to wait before.
enum RetryPolicy {
    /// A proxy or the daemon failed to answer; the panel may well answer
    /// the next try. A 500 is the panel's own bug and would just repeat.
    static let retryableStatuses: Set<Int> = [502, 503, 504]

    static func mayRetry(_ request: PanelRequest, status: Int, resend: Resend) -> Bool {
        guard request.isIdempotent && retryableStatuses.contains(status) else { return false }
        switch resend {
        case .whenIdempotent: return true
        // A 502 or 504 comes from a gateway that gave up on the panel, which may have done
        // the write all the same; a 503 is Laravel's maintenance mode, answered by the first
        // middleware before any route runs (Illuminate's PreventRequestsDuringMaintenance).
        case .onlyUndelivered: return request.method == .get || status == 503
        }
    }

    /// A POST is resent only when it provably never reached the panel:
    /// sending it twice could create or act twice. A refused connection, a
    /// redirect and a too-large answer would only repeat, so they are said
    /// at once.
    static func mayRetry(_ request: PanelRequest, after error: TransportError, resend: Resend) -> Bool {
        switch error.kind {
        case .refused, .redirected, .tooLarge: return false
        case .connect, .timeout, .connectionLost, .other:
            guard error.reachedPanel else { return true }
            switch resend {
            case .whenIdempotent: return request.isIdempotent
            case .onlyUndelivered: return request.method == .get
            }
        }
    }

    /// Exponential in `retry` (0 for the first), capped, and jittered over
    /// its upper half so that requests failing together do not return
    /// together.
    static func backoff(retry: Int, settings: ExecutorSettings) -> Duration {
        let ceiling = min(settings.retryMaximumDelay, settings.retryBaseDelay * (1 << min(retry, 20)))
        let half = ceiling / 2
        let milliseconds = Int64(Double(half.components.seconds) * 1000 + Double(half.components.attoseconds) / 1e15)
        return half + .milliseconds(Int64.random(in: 0...max(0, milliseconds)))
    }
}
