@testable import PteroKit
import Testing

/// The window arithmetic on made-up instants: no waiting, no clock.
struct RateLimitWindowTests {
    let start = ContinuousClock.now
    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    /// Admits until full; returns how many were admitted at `now`.
    func fill(_ window: inout RateLimitWindow, now: ContinuousClock.Instant) -> Int {
        var admitted = 0
        while case .admitted = window.admit(now: now) { admitted += 1 }
        return admitted
    }

    @Test func admitsTheLimitThenWaitsForTheWindowToReopen() {
        var window = RateLimitWindow(limit: 3, length: .seconds(10))
        #expect(fill(&window, now: at(0)) == 3)
        #expect(window.admit(now: at(5000)) == .wait(until: at(10_000)))
        #expect(window.admit(now: at(10_000)) == .admitted(window: 2))
    }

    @Test func theWindowEndsAFullWindowAfterTheFirstAnswer() {
        var window = RateLimitWindow(limit: 2, length: .seconds(10))
        #expect(fill(&window, now: at(0)) == 2)
        // The panel's window opened no later than this answer.
        window.record(limit: 2, remaining: 1, window: 1, receivedAt: at(300))
        window.record(limit: 2, remaining: 0, window: 1, receivedAt: at(400))
        #expect(window.reopensAt == at(10_300))
    }

    @Test func aLowerRemainingThanExpectedSlowsDown() {
        // Someone else has used 6 of the user's 10.
        var window = RateLimitWindow(limit: 10, length: .seconds(10))
        #expect(window.admit(now: at(0)) == .admitted(window: 1))
        window.record(limit: 10, remaining: 3, window: 1, receivedAt: at(10))
        #expect(window.used == 7)
        #expect(fill(&window, now: at(20)) == 3)
    }

    @Test func thePanelsLimitReplacesTheConfiguredOne() {
        var window = RateLimitWindow(limit: 100, length: .seconds(10))
        #expect(window.admit(now: at(0)) == .admitted(window: 1))
        window.record(limit: 5, remaining: 4, window: 1, receivedAt: at(10))
        #expect(window.limit == 5)
        #expect(fill(&window, now: at(20)) == 4)
    }

    @Test func lateAnswersFromAnEarlierWindowDoNotCountAgainstTheNewOne() {
        var window = RateLimitWindow(limit: 2, length: .seconds(1))
        _ = fill(&window, now: at(0))
        #expect(window.admit(now: at(1000)) == .admitted(window: 2))
        window.record(limit: 2, remaining: 0, window: 1, receivedAt: at(1001))
        #expect(window.used == 1)
    }

    @Test func aThrottleClosesTheWindowUntilTheRetryTime() {
        var window = RateLimitWindow(limit: 10, length: .seconds(1))
        #expect(window.admit(now: at(0)) == .admitted(window: 1))
        window.throttled(until: at(3000))
        #expect(window.admit(now: at(1500)) == .wait(until: at(3000)))
        #expect(window.admit(now: at(3000)) == .admitted(window: 2))
    }

    @Test func thePanelsRetryTimeReplacesALaterEstimate() {
        var window = RateLimitWindow(limit: 10, length: .seconds(60))
        #expect(window.admit(now: at(0)) == .admitted(window: 1))
        window.throttled(until: at(1000))
        window.throttled(until: at(2000))
        // An answer still in flight does not stretch it to a full window.
        window.record(limit: 10, remaining: 0, window: 1, receivedAt: at(1500))
        #expect(window.admit(now: at(1500)) == .wait(until: at(2000)))
        #expect(window.admit(now: at(2000)) == .admitted(window: 2))
    }

    @Test func heldBackTimeCountsOverlappingWaitsOnce() {
        var window = RateLimitWindow(limit: 1, length: .seconds(10))
        #expect(window.admit(now: at(0)) == .admitted(window: 1))
        _ = window.admit(now: at(2000))
        _ = window.admit(now: at(2000))
        _ = window.admit(now: at(6000))
        #expect(window.heldBack == .seconds(8))
    }
}
