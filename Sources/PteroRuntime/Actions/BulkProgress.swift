import Foundation

/// Where a bulk job stands, for a progress line or a closing summary.
public struct BulkProgress: Sendable {
    public var action: String
    public var total: Int
    public var done = 0
    public var failed = 0
    /// Not started because Ctrl-C came.
    public var skipped = 0
    /// Started and not yet answered (waiting for the rate limit or the panel).
    public var inFlight = 0
    /// Ctrl-C came: no more start, the ones in flight are waited for.
    public var isStopping = false
    /// A second Ctrl-C: the ones in flight were left unanswered (and unjournaled).
    public var abandoned = 0
    /// Requests a second the panel's rate limit allows, when known: the
    /// first window's burst runs far faster, and an estimate from it alone
    /// said "1s left" for a job the limit would stretch over minutes.
    public var rateCeiling: Double?
    public var elapsed: Duration = .zero
    public var isFinished = false

    public init(action: String, total: Int) {
        self.action = action
        self.total = total
    }

    /// `suspend 12/40 · 3.1/s · 9s left · 1 failed`; after Ctrl-C
    /// `suspend 12/40 · 3.1/s · stopping: waiting for 8 requests in flight (...)`
    public var line: String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var parts = ["\(action) \(done)/\(total)"]
        if seconds > 0.05 && done > 0 {
            let rate = Double(done) / seconds
            parts.append(String(format: "%.1f/s", rate))
            let pace = min(rate, rateCeiling.map { max($0, 0.001) } ?? rate)
            if !isFinished && !isStopping && done < total { parts.append("\(Int((Double(total - done) / pace).rounded(.up)))s left") }
        }
        if isStopping && !isFinished {
            parts.append("stopping: waiting for \(inFlight) request\(inFlight == 1 ? "" : "s") in flight (Ctrl-C again to abandon \(inFlight == 1 ? "it" : "them"))")
        }
        if failed > 0 { parts.append("\(failed) failed") }
        if skipped > 0 { parts.append("\(skipped) not started (interrupted)") }
        if abandoned > 0 { parts.append("\(abandoned) abandoned in flight (not journaled)") }
        if isFinished { parts.append(String(format: "in %.1fs", seconds)) }
        return parts.joined(separator: " · ")
    }
}
