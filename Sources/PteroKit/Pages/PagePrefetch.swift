/// The pages requested ahead of a consumer, each its own task, by page
/// number; dropping this cancels every one still in flight.
public final class PagePrefetch<Answer: Sendable> {
    private let fetch: @Sendable (Int) async throws -> Answer
    private var tasks: [Int: Task<Answer, Error>] = [:]

    public init(fetch: @escaping @Sendable (_ page: Int) async throws -> Answer) {
        self.fetch = fetch
    }

    /// Starts each page of `pages` not yet started; a page taken since is
    /// never in `pages` (`PageWalk.pagesAhead` starts at the next one).
    public func start(_ pages: ClosedRange<Int>?) {
        guard let pages else { return }
        for page in pages where tasks[page] == nil {
            let fetch = self.fetch
            tasks[page] = Task { try await fetch(page) }
        }
    }

    /// The task fetching `page`, leaving this; nil when it was never started.
    public func claim(_ page: Int) -> Task<Answer, Error>? {
        tasks.removeValue(forKey: page)
    }

    /// Cancels every page in flight (a consumer that moves to another listing).
    public func cancelAll() {
        for task in tasks.values { task.cancel() }
        tasks = [:]
    }

    deinit {
        for task in tasks.values { task.cancel() }
    }
}
