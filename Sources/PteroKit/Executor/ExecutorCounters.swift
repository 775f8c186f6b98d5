/// What the executor has done so far, for reports and benchmarks.
public struct ExecutorCounters: Sendable, Equatable {
    /// Requests handed to the transport, every attempt counted.
    public var sent = 0
    /// Attempts sent again after a transport error or a 502/503/504.
    public var retried = 0
    /// 429 answers received (each was waited out and sent again).
    public var throttled = 0
    /// Wall-clock time during which some API held requests back for its
    /// limit (overlapping waits of one API count once).
    public var waitedForLimit: Duration = .zero
    /// Requests sent and not yet answered.
    public var inFlight = 0
    /// Calls to `perform` that threw (cancellation aside), or ended with a
    /// 5xx or a 429 the retries could not get past.
    public var failed = 0

    public init() {}
}
