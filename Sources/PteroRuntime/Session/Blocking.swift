import Foundation
import PteroLang

/// Runs async work from synchronous code and waits for it: the commands,
/// the REPL and the interpreter are synchronous and own their threads
/// (never the cooperative pool), so blocking them is safe.
public enum Blocking {
    public static func wait<Result: Sendable>(_ work: @escaping @Sendable () async throws -> Result) throws -> Result {
        let finished = DispatchSemaphore(value: 0)
        let box = Outcome<Result>()
        Task {
            do { box.value = .success(try await work()) } catch { box.value = .failure(error) }
            finished.signal()
        }
        Interpreter.waitingOutside { finished.wait() }
        return try box.value!.get()
    }
}

/// Carries a result out of the task; the semaphore orders the accesses.
private final class Outcome<Result>: @unchecked Sendable {
    var value: Swift.Result<Result, Error>?
}
