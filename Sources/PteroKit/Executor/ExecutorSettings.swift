/// How hard the executor may drive the panel.
public struct ExecutorSettings: Sendable, Equatable {
    /// Requests per window the panel allows a user, per API (panel defaults).
    public var limits: [PanelAPI: Int] = [.application: 240, .client: 720]
    /// The panel's fixed throttle window.
    public var window: Duration = .seconds(60)
    /// Requests in flight at once, over both APIs.
    public var concurrency = 8
    /// Attempts after the first for a retryable failure.
    public var maximumRetries = 5

    public init() {}
}

/// What the executor has done so far, for reports and benchmarks.
public struct ExecutorCounters: Sendable, Equatable {
    public var sent = 0
    public var retried = 0
    public var throttled = 0
    public var waitedForLimit: Duration = .zero

    public init() {}
}
