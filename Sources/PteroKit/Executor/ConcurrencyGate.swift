import Synchronization

/// Lets at most `capacity` callers in at once; the rest wait in order and
/// leave the queue promptly when their task is cancelled.
final class ConcurrencyGate: Sendable {
    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, Error>
    }

    private struct State {
        var free: Int
        var waiters: [Waiter] = []
        var nextId: UInt64 = 0
    }

    private let state: Mutex<State>

    init(capacity: Int) {
        state = Mutex(State(free: max(1, capacity)))
    }

    /// Waits for a place; throws `CancellationError` if cancelled first.
    func enter() async throws {
        let id = state.withLock { state in
            state.nextId += 1
            return state.nextId
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                // Checked under the lock so a cancellation either finds the
                // waiter queued or is seen here: never missed.
                let outcome: Result<Void, Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.free > 0 {
                        state.free -= 1
                        return .success(())
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Gives the place to the longest waiter, or frees it.
    func leave() {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.free += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume()
    }
}
