import Foundation

/// Where a bulk job stands, for a progress line or a closing summary.
public struct BulkProgress: Sendable {
    public var action: String
    public var total: Int
    public var done = 0
    public var failed = 0
    /// Not started because Ctrl-C came.
    public var skipped = 0
    public var elapsed: Duration = .zero
    public var isFinished = false

    public init(action: String, total: Int) {
        self.action = action
        self.total = total
    }

    /// `suspend 12/40 · 3.1/s · 1 failed · 9s left`
    public var line: String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var parts = ["\(action) \(done)/\(total)"]
        if seconds > 0.05 && done > 0 {
            let rate = Double(done) / seconds
            parts.append(String(format: "%.1f/s", rate))
            if !isFinished && done < total { parts.append("\(Int((Double(total - done) / rate).rounded(.up)))s left") }
        }
        if failed > 0 { parts.append("\(failed) failed") }
        if skipped > 0 { parts.append("\(skipped) not started (interrupted)") }
        if isFinished { parts.append(String(format: "in %.1fs", seconds)) }
        return parts.joined(separator: " · ")
    }
}
