import Foundation
import PteroLang

/// Runs async work from synchronous code and waits for it: the commands,
/// the REPL and the interpreter are synchronous and own their threads
/// (never the cooperative pool), so blocking them is safe.
public enum Blocking {
    /// How often a wait that can be abandoned looks at its flag: a signal
    /// handler can only raise a flag, not wake a semaphore.
    static let abandonmentCheck = DispatchTimeInterval.milliseconds(50)

    /// Waits for `work`. When `abandonWhen` is raised (a second Ctrl-C),
    /// cancels it and throws `Interrupted` at once, without its result.
    public static func wait<Result: Sendable>(abandonWhen abandonment: InterruptFlag? = nil,
                                              _ work: @escaping @Sendable () async throws -> Result) throws -> Result {
        let finished = DispatchSemaphore(value: 0)
        let box = Outcome<Result>()
        let task = Task {
            do { box.value = .success(try await work()) } catch { box.value = .failure(error) }
            finished.signal()
        }
        var abandoned = false
        Interpreter.waitingOutside {
            guard let abandonment else { return finished.wait() }
            while finished.wait(timeout: .now() + abandonmentCheck) == .timedOut {
                if abandonment.isRaised {
                    abandoned = true
                    return
                }
            }
        }
        if abandoned {
            task.cancel()
            throw Interrupted()
        }
        return try box.value!.get()
    }
}

/// Carries a result out of the task; the semaphore orders the accesses.
private final class Outcome<Result>: @unchecked Sendable {
    var value: Swift.Result<Result, Error>?
}
