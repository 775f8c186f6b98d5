/// The pages requested ahead of the consumer, each its own task; dropping
/// this cancels them all.
final class PagePrefetch<Item: Sendable> {
    private let fetch: PageFetcher<Item>
    private var tasks: [Int: Task<Page<Item>, Error>] = [:]
    private var highestStarted = 1

    init(fetch: @escaping PageFetcher<Item>) {
        self.fetch = fetch
    }

    /// Starts every page up to `last` not yet started.
    func fill(upTo last: Int) {
        guard last > highestStarted else { return }
        for page in (highestStarted + 1)...last {
            let fetch = self.fetch
            tasks[page] = Task { try await fetch(page) }
        }
        highestStarted = last
    }

    /// Waits for `page`, which `fill` must have started.
    func take(_ page: Int) async throws -> Page<Item> {
        guard let task = tasks.removeValue(forKey: page) else {
            return try await fetch(page)
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    deinit {
        for task in tasks.values { task.cancel() }
    }
}
