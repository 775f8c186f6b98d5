import Foundation
import Synchronization

/// The sim's one clock: the store's `now`, the console's timers and token expiry all
/// read it, so a test moves time (`POST /_sim/clock {"advance": SECONDS}`) instead of
/// sleeping. Real time by default; `manual` starts at a fixed second and moves only
/// when advanced, so nothing happens between a test's steps on its own.
public final class SimClock: Sendable {
    /// Seconds added to the base (real time, or the fixed start of a manual clock).
    private let offset: Mutex<Double>
    /// nil: wall-clock time; else the second a manual clock started at.
    private let fixedStart: Double?
    /// A real-time clock reads the wall clock once, at its start, and then
    /// counts on the monotonic clock: a wall clock stepped by NTP or a
    /// suspended VM would otherwise open or close every throttle window at
    /// once.
    private let wallStart: Double
    private let monotonicStart: ContinuousClock.Instant

    /// How far one advance may move the clock: a year, so no sum can overflow a timestamp.
    public static let maximumAdvanceSeconds: Double = 366 * 86_400

    /// A clock on real time (plus whatever it is advanced by).
    public static func system() -> SimClock { SimClock(fixedStart: nil) }

    /// A clock that stands still at `start` (Unix seconds) until advanced.
    public static func manual(start: Double = 1_800_000_000) -> SimClock { SimClock(fixedStart: start) }

    private init(fixedStart: Double?) {
        self.fixedStart = fixedStart
        offset = Mutex(0)
        wallStart = Date().timeIntervalSince1970
        monotonicStart = ContinuousClock.now
    }

    /// Whether time moves only when advanced (then the sim runs no real-time ticker).
    public var isManual: Bool { fixedStart != nil }

    /// Unix seconds now.
    public func now() -> Double {
        let added = offset.withLock { $0 }
        if let fixedStart { return fixedStart + added }
        let elapsed = ContinuousClock.now - monotonicStart
        return wallStart + Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18 + added
    }

    /// Moves the clock forward by `seconds` (0 to `maximumAdvanceSeconds`).
    public func advance(by seconds: Double) throws(AdvanceError) {
        guard seconds.isFinite, seconds >= 0, seconds <= Self.maximumAdvanceSeconds else {
            throw AdvanceError(description: "advance must be a number of seconds from 0 to \(Int(Self.maximumAdvanceSeconds))")
        }
        offset.withLock { $0 += seconds }
    }

    /// A clock advance out of range.
    public struct AdvanceError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }
}
