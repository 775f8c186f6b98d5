import Synchronization

/// One `RateLimitWindow` per API behind a lock, and the waiting for them.
final class RateLimiter: Sendable {
    private let windows: Mutex<[PanelAPI: RateLimitWindow]>
    /// The most requests per window a panel's header is believed for: far
    /// above any real limit, and small enough that no count overflows.
    static let largestLimit = 1_000_000

    init(settings: ExecutorSettings) {
        var windows: [PanelAPI: RateLimitWindow] = [:]
        for api in PanelAPI.allCases {
            let fallback = api == .application ? 240 : 720
            windows[api] = RateLimitWindow(limit: settings.limits[api] ?? fallback, length: settings.windowWithMargin,
                                           panelLength: settings.window)
        }
        self.windows = Mutex(windows)
    }

    /// Returns once `api`'s window has room (without taking it: the caller
    /// takes it with `admit` once it holds a concurrency slot).
    func waitForRoom(_ api: PanelAPI) async throws {
        while let until = windows.withLock({ $0[api]!.closedUntil(now: .now) }) {
            try await Task.sleep(until: until, clock: .continuous)
        }
    }

    func admit(_ api: PanelAPI) -> RateLimitWindow.Admission {
        windows.withLock { $0[api]!.admit(now: .now) }
    }

    /// Reads the throttle headers of an answer to a request admitted in `window`.
    func record(_ response: PanelResponse, api: PanelAPI, window: Int) {
        let limit = response.header("x-ratelimit-limit").flatMap { HeaderNumber.count($0, in: 1...Self.largestLimit) }
        let remaining = response.header("x-ratelimit-remaining").flatMap { HeaderNumber.count($0, in: 0...Self.largestLimit) }
        guard limit != nil || remaining != nil else { return }
        let now = ContinuousClock.now
        windows.withLock { $0[api]!.record(limit: limit, remaining: remaining, window: window, receivedAt: now,
                                                counted: response.status != 429) }
    }

    /// Every admitted request reports here once, answered or failed.
    func finished(_ api: PanelAPI, window: Int) {
        let now = ContinuousClock.now
        windows.withLock { $0[api]!.finished(window: window, at: now) }
    }

    func throttled(_ api: PanelAPI, for wait: Duration) {
        let until = ContinuousClock.now + wait
        windows.withLock { $0[api]!.throttled(until: until) }
    }

    /// Wall-clock time the APIs held requests back, summed over APIs.
    var heldBack: Duration {
        windows.withLock { $0.values.reduce(.zero) { $0 + $1.heldBack } }
    }

    func limit(_ api: PanelAPI) -> Int { windows.withLock { $0[api]!.limit } }
}
