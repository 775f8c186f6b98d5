import Foundation

/// Runs async work from a synchronous command and waits for its result.
/// The commands are synchronous because the REPL and scripts own the main
/// thread; only the panel work is async.
func waitFor<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) throws -> Value {
    let finished = DispatchSemaphore(value: 0)
    let box = ResultBox<Value>()
    Task {
        do {
            box.result = .success(try await operation())
        } catch {
            box.result = .failure(error)
        }
        finished.signal()
    }
    finished.wait()
    return try box.result!.get()
}

/// Carries a result out of the task; the semaphore orders the accesses.
final class ResultBox<Value>: @unchecked Sendable {
    var result: Result<Value, Error>?
}
