/// Our picture of one API's fixed throttle window at the panel: how many
/// requests it has counted and when it reopens.
///
/// The panel opens a window at the first request it sees and resets it a
/// full window later. We cannot see that instant, only bound it: it lies
/// between our first send and the first answer. So the window is assumed to
/// close a full window (plus a margin) after the first answer; that costs
/// at most one round trip per window and never reopens early.
///
/// The panel counts a request when it arrives, which we cannot see either.
/// A request still travelling when the panel's window may already have
/// reset can land in the panel's next window, so such requests count in
/// ours *and* in our next one: those still in flight when our next window
/// opens, and those answered after the earliest instant the panel's window
/// could have reset. Without this a slow panel draws a 429 at the start of
/// every window.
struct RateLimitWindow: Sendable {
    typealias Instant = ContinuousClock.Instant

    /// What `admit` decided.
    enum Admission: Equatable {
        /// Send now; the number tells answers which window they belong to.
        case admitted(window: Int)
        case wait(until: Instant)
    }

    /// Requests per window; the panel's `X-RateLimit-Limit` replaces it.
    private(set) var limit: Int
    /// The window's length with the safety margin.
    let length: Duration
    /// The panel's window, without margin: the least time it stays closed.
    let panelLength: Duration
    /// Increases each time a window opens, so late answers from an earlier
    /// window do not correct the current one.
    private(set) var number = 0
    /// Requests the panel has counted in this window, as far as we know.
    private(set) var used = 0
    /// Nil until the first request: no window is open before it.
    private(set) var reopensAt: Instant?
    private var answered = false
    /// The earliest instant the panel's current window could reset: it
    /// opened no earlier than our first send in it.
    private var panelMayResetAt: Instant?
    /// Admitted requests not yet finished, by window number.
    private var inFlight: [Int: Int] = [:]
    /// Requests of this window answered after `panelMayResetAt`, and the
    /// last such answer: they may sit in the panel's next window.
    private var answeredLate = 0
    private var lastLateAnswer: Instant?
    private var throttledInWindow = false
    /// Wall-clock time requests were held back, and until when, so that
    /// many requests waiting at once count once.
    private(set) var heldBack: Duration = .zero
    private var heldUntil: Instant?

    init(limit: Int, length: Duration, panelLength: Duration? = nil) {
        self.limit = max(1, limit)
        self.length = length
        self.panelLength = panelLength ?? length
    }

    /// Admits one request now or says when to ask again.
    mutating func admit(now: Instant) -> Admission {
        if let until = closedUntil(now: now) { return .wait(until: until) }
        used += 1
        inFlight[number, default: 0] += 1
        return .admitted(window: number)
    }

    /// A request admitted in `window` got its answer (or failed) at `now`.
    /// Every admitted request must finish exactly once.
    mutating func finished(window: Int, at now: Instant) {
        if let count = inFlight[window] { inFlight[window] = count > 1 ? count - 1 : nil }
        if window == number, let panelMayResetAt, now >= panelMayResetAt {
            answeredLate += 1
            lastLateAnswer = max(lastLateAnswer ?? now, now)
        }
    }

    /// When the window is full, the instant it reopens; nil when a request
    /// would be admitted now. Opens a new window when the old one is over.
    mutating func closedUntil(now: Instant) -> Instant? {
        if reopensAt.map({ now >= $0 }) ?? true { open(now: now) }
        guard used >= limit, let reopensAt else { return nil }
        heldBack += reopensAt - max(now, heldUntil ?? now)
        heldUntil = max(heldUntil ?? reopensAt, reopensAt)
        return reopensAt
    }

    /// Learns from an answer that carried the panel's throttle headers:
    /// its limit, and how many requests it has counted (other clients of
    /// the same user share the bucket). `counted` is false for a 429, which
    /// the panel refused in a window opened before ours, so it says nothing
    /// about when ours opened.
    mutating func record(limit panelLimit: Int?, remaining: Int?, window: Int, receivedAt: Instant, counted: Bool = true) {
        if let panelLimit, panelLimit > 0 { limit = panelLimit }
        guard window == number else { return }
        if counted, !answered, let reopensAt {
            answered = true
            self.reopensAt = max(reopensAt, receivedAt + length)
        }
        if let remaining { used = max(used, limit - max(0, remaining)) }
    }

    /// The panel refused for the limit: its window is full until `until`,
    /// whatever we thought, so everyone waits. Its word replaces our
    /// estimate, even when sooner: `Retry-After` is rounded up, so never
    /// early. Several 429s of one window keep the latest time.
    mutating func throttled(until: Instant) {
        used = max(used, limit)
        reopensAt = throttledInWindow ? max(reopensAt ?? until, until) : until
        throttledInWindow = true
        answered = true
    }

    private mutating func open(now: Instant) {
        // A late answer tells the panel's window that held it closed a full
        // window after that answer at the latest; after that it is history.
        if let lastLateAnswer, now >= lastLateAnswer + length { answeredLate = 0 }
        let carried = answeredLate + inFlight.values.reduce(0, +)
        // With nothing carried the panel's next window opens no earlier than
        // our first send in it; with requests carried, no earlier than its
        // previous window could reset.
        panelMayResetAt = (carried > 0 ? (panelMayResetAt ?? now) : now) + panelLength
        number += 1
        used = carried
        answeredLate = 0
        lastLateAnswer = nil
        answered = false
        throttledInWindow = false
        reopensAt = now + length
    }
}
