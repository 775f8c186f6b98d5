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
        for _ in 0..<3 { window.finished(window: 1, at: at(100)) }
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
        window.finished(window: 1, at: at(10))
        window.finished(window: 1, at: at(10))
        #expect(window.admit(now: at(1000)) == .admitted(window: 2))
        window.record(limit: 2, remaining: 0, window: 1, receivedAt: at(1001))
        #expect(window.used == 1)
    }

    @Test func requestsStillInFlightWhenTheWindowReopensCountInTheNextOne() {
        // The one still travelling may reach the panel in its next window.
        var window = RateLimitWindow(limit: 2, length: .seconds(1))
        #expect(fill(&window, now: at(0)) == 2)
        window.finished(window: 1, at: at(300))
        #expect(fill(&window, now: at(1000)) == 1)
        #expect(window.used == 2)
    }

    @Test func answersAfterThePanelCouldHaveResetCountInTheNextWindow() {
        var window = RateLimitWindow(limit: 3, length: .milliseconds(1100), panelLength: .seconds(1))
        #expect(window.admit(now: at(0)) == .admitted(window: 1))
        window.record(limit: 3, remaining: 2, window: 1, receivedAt: at(100))
        window.finished(window: 1, at: at(100))
        // Sent before the panel could reset, answered after: it may have
        // arrived in the panel's next window.
        #expect(window.admit(now: at(950)) == .admitted(window: 1))
        window.finished(window: 1, at: at(1050))
        #expect(window.reopensAt == at(1200))
        #expect(fill(&window, now: at(1200)) == 2)
    }

    @Test func aLateAnswerIsForgottenOnceItsPanelWindowIsSurelyOver() {
        var window = RateLimitWindow(limit: 3, length: .milliseconds(1100), panelLength: .seconds(1))
        #expect(window.admit(now: at(0)) == .admitted(window: 1))
        window.finished(window: 1, at: at(100))
        #expect(window.admit(now: at(950)) == .admitted(window: 1))
        window.finished(window: 1, at: at(1050))
        #expect(fill(&window, now: at(5000)) == 3)
    }

    @Test func aNextWindowAfterCarriedRequestsMayResetEarlierThanItsFirstSend() {
        // The panel's next window may have opened with the carried request,
        // so its sends count from the previous window's earliest reset.
        var window = RateLimitWindow(limit: 10, length: .milliseconds(1100), panelLength: .seconds(1))
        #expect(window.admit(now: at(0)) == .admitted(window: 1))
        window.finished(window: 1, at: at(50))
        #expect(window.admit(now: at(900)) == .admitted(window: 1))
        window.finished(window: 1, at: at(1020))
        // Window 2 opens at 1100 with one carried; the panel's may reset at 2000.
        #expect(window.admit(now: at(1100)) == .admitted(window: 2))
        window.finished(window: 2, at: at(1150))
        #expect(window.admit(now: at(1990)) == .admitted(window: 2))
        window.finished(window: 2, at: at(2010))
        #expect(window.admit(now: at(2200)) == .admitted(window: 3))
        #expect(window.used == 2)
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
