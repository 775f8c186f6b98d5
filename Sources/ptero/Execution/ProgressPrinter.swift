import Foundation
import PteroRuntime
import Synchronization

/// Shows bulk jobs: a progress line redrawn on a terminal, one summary
/// line otherwise (logs and pipes get no carriage returns). Either way the
/// moment Ctrl-C is noticed is shown at once: a rate-limited job may wait
/// a while for its requests in flight.
enum ProgressPrinter {
    static func make() -> @Sendable (BulkProgress) -> Void {
        guard isatty(STDERR_FILENO) == 1 else {
            let toldStopping = Mutex(false)
            return { progress in
                let firstStop = progress.isStopping && !progress.isFinished && toldStopping.withLock { told in
                    defer { told = true }
                    return !told
                }
                if progress.isFinished || firstStop { StandardStreams.writeError(progress.line + "\n") }
            }
        }
        let lastDrawn = Mutex<(at: ContinuousClock.Instant?, stopping: Bool)>((nil, false))
        return { progress in
            let draw = lastDrawn.withLock { last -> Bool in
                let now = ContinuousClock.now
                // Ten redraws a second are enough to read and cost nothing.
                let due = last.at.map { now - $0 > .milliseconds(100) } ?? true
                guard progress.isFinished || due || progress.isStopping != last.stopping else { return false }
                last = (now, progress.isStopping)
                return true
            }
            guard draw else { return }
            StandardStreams.writeError("\r\u{1b}[K" + progress.line + (progress.isFinished ? "\n" : ""))
        }
    }
}
