/// How hard the executor may drive the panel.
public struct ExecutorSettings: Sendable, Equatable {
    /// Requests per window the panel allows a user, per API (panel defaults);
    /// the panel's `X-RateLimit-Limit` overrides these once it answers.
    public var limits: [PanelAPI: Int] = [.application: 240, .client: 720]
    /// The panel's fixed throttle window.
    public var window: Duration = .seconds(60)
    /// Requests in flight at once, over both APIs.
    public var concurrency = 8
    /// Attempts after the first for a transport error or a 502/503/504.
    public var maximumRetries = 5
    /// Times one request may be throttled (429) and sent again before the
    /// 429 is returned; generous, since a 429 means nothing was done.
    public var maximumThrottledRetries = 20
    /// The first retry waits up to this long (full jitter); each further
    /// retry doubles it.
    public var retryBaseDelay: Duration = .milliseconds(250)
    /// No retry waits longer than this.
    public var retryMaximumDelay: Duration = .seconds(15)
    /// The longest `Retry-After` a 429 may ask for and still be waited
    /// out; a longer one is returned as the panel's refusal, which says how
    /// long it asked, rather than hanging the run.
    public var maximumThrottleWait: Duration = .seconds(300)

    public init() {}

    /// The window's length plus the slack left for the panel's clock and for
    /// requests still travelling when our window closes.
    var windowWithMargin: Duration { window + window / 100 + .milliseconds(10) }
}
