import Synchronization

/// A bounded queue with one reader whose every wait may end after a timeout:
/// frames from the socket, and events for the connection's user. When the
/// reader falls behind by `capacity` items the oldest are dropped (and
/// counted): a console that prints faster than it is read must not grow
/// without bound.
final class ConsoleMailbox<Element: Sendable>: Sendable {
    private struct State {
        var items: [Element] = []
        var start = 0
        var finished = false
        var dropped = 0
        var waiter: (id: Int, continuation: CheckedContinuation<Element?, Never>)?
        var nextWaiterId = 0
        /// Waits whose time ran out (or were cancelled) before they were registered.
        var expiredIds: Set<Int> = []

        var count: Int { items.count - start }

        mutating func take() -> Element? {
            guard count > 0 else { return nil }
            let item = items[start]
            start += 1
            if start == items.count {
                items.removeAll(keepingCapacity: true)
                start = 0
            }
            return item
        }
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Items dropped because the reader fell behind.
    var dropped: Int { state.withLock { $0.dropped } }

    func push(_ item: Element) {
        let waiter: CheckedContinuation<Element?, Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter.continuation
            }
            state.items.append(item)
            if state.count > capacity {
                state.start += 1
                state.dropped += 1
            }
            if state.start > 1024 && state.start * 2 > state.items.count {
                state.items.removeFirst(state.start)
                state.start = 0
            }
            return nil
        }
        waiter?.resume(returning: item)
    }

    /// Everything queued now, without waiting.
    func takeAll() -> [Element] {
        state.withLock { state in
            var taken: [Element] = []
            while let item = state.take() { taken.append(item) }
            return taken
        }
    }

    /// No more items will come: the reader gets what is queued, then nil.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter?.continuation
        }
        waiter?.resume(returning: nil)
    }

    /// The next item; nil once finished and empty, or when `timeout` passes
    /// first (nil timeout: wait as long as it takes), or when the task is
    /// cancelled. One reader at a time.
    func next(timeout: Duration?) async -> Element? {
        let ready: (item: Element?, done: Bool, id: Int) = state.withLock { state in
            if let item = state.take() { return (item, true, 0) }
            state.nextWaiterId += 1
            return (nil, state.finished, state.nextWaiterId)
        }
        if ready.done { return ready.item }
        let id = ready.id
        let timer = timeout.map { timeout in
            Task { [weak self] in
                try await Task.sleep(for: timeout)
                self?.expire(id)
            }
        }
        defer {
            timer?.cancel()
            state.withLock { _ = $0.expiredIds.remove(id) }
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let immediate: (item: Element?, done: Bool) = state.withLock { state in
                    if let item = state.take() { return (item, true) }
                    if state.finished || state.expiredIds.contains(id) { return (nil, true) }
                    state.waiter = (id, continuation)
                    return (nil, false)
                }
                if immediate.done { continuation.resume(returning: immediate.item) }
            }
        } onCancel: {
            expire(id)
        }
    }

    /// Ends the wait `id` with nil, if it is still the one waiting.
    private func expire(_ id: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            guard let waiter = state.waiter, waiter.id == id else {
                state.expiredIds.insert(id)
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume(returning: nil)
    }
}
