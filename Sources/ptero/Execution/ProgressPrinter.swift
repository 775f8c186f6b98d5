import Foundation
import PteroRuntime
import Synchronization

/// Shows bulk jobs: a progress line redrawn on a terminal, one summary
/// line otherwise (logs and pipes get no carriage returns).
enum ProgressPrinter {
    static func make() -> @Sendable (BulkProgress) -> Void {
        guard isatty(STDERR_FILENO) == 1 else {
            return { progress in
                if progress.isFinished { StandardStreams.writeError(progress.line + "\n") }
            }
        }
        let lastDrawn = Mutex<ContinuousClock.Instant?>(nil)
        return { progress in
            let draw = lastDrawn.withLock { last -> Bool in
                let now = ContinuousClock.now
                // Ten redraws a second are enough to read and cost nothing.
                guard progress.isFinished || last.map({ now - $0 > .milliseconds(100) }) ?? true else { return false }
                last = now
                return true
            }
            guard draw else { return }
            StandardStreams.writeError("\r\u{1b}[K" + progress.line + (progress.isFinished ? "\n" : ""))
            StandardStreams.flush()
        }
    }
}
