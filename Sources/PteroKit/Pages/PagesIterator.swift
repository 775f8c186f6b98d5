/// Walks a `Pages` list: one page at a time for the consumer, up to
/// `concurrency` pages ahead on the wire (see `PageWalk`).
public struct PagesIterator<Item: Decodable & Sendable>: AsyncIteratorProtocol {
    let fetch: PageFetcher<Item>
    let progress: PagesProgress
    // A class, so that when the consumer drops the iterator (a `break`) the
    // pages still in flight are cancelled by its deinit.
    private let prefetch: PagePrefetch<Page<Item>>
    private var buffer: [Item] = []
    private var position = 0
    private var walk: PageWalk?
    private let concurrency: Int

    init(fetch: @escaping PageFetcher<Item>, concurrency: Int, progress: PagesProgress) {
        self.fetch = fetch
        self.concurrency = concurrency
        self.progress = progress
        prefetch = PagePrefetch(fetch: fetch)
    }

    public mutating func next() async throws -> Item? {
        while position == buffer.count {
            guard let page = try await nextPageItems() else { return nil }
            buffer = page
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }

    /// The items of the next page in order; nil after the last.
    private mutating func nextPageItems() async throws -> [Item]? {
        if walk?.isFinished == true { return nil }
        try Task.checkCancellation()
        let number = walk?.nextPage ?? 1
        let page: Page<Item>
        if let task = prefetch.claim(number) {
            page = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } else {
            page = try await fetch(number)
        }
        var walk = self.walk ?? PageWalk(endpoint: page.endpoint, concurrency: concurrency)
        try walk.accept(page.pagination, items: page.items.count)
        if number == 1 { progress.record(page.pagination, meta: page.meta) }
        prefetch.start(walk.pagesAhead)
        self.walk = walk
        return page.items
    }
}
