/// Walks a `Pages` list: one page at a time for the consumer, up to
/// `concurrency` pages ahead on the wire.
public struct PagesIterator<Item: Decodable & Sendable>: AsyncIteratorProtocol {
    let fetch: PageFetcher<Item>
    let concurrency: Int
    let progress: PagesProgress
    // A class, so that when the consumer drops the iterator (a `break`) the
    // pages still in flight are cancelled by its deinit.
    private let prefetch: PagePrefetch<Item>
    private var buffer: [Item] = []
    private var position = 0
    private var nextPage = 1
    private var totalPages: Int?
    /// Made from the first page; every page is checked against it, so a
    /// panel that repeats pages or changes its total ends the loop.
    private var check: PageCheck?

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
        if let totalPages, nextPage > totalPages { return nil }
        try Task.checkCancellation()
        if nextPage == 1 {
            let first = try await fetch(1)
            var check = PageCheck(endpoint: first.endpoint)
            try check.accept(first.pagination, items: first.items.count, requested: 1)
            self.check = check
            totalPages = max(1, first.pagination.totalPages)
            progress.record(first.pagination, meta: first.meta)
            nextPage = 2
            prefetch.fill(upTo: min(totalPages!, 1 + concurrency))
            return first.items
        }
        let page = try await prefetch.take(nextPage)
        try check?.accept(page.pagination, items: page.items.count, requested: nextPage)
        nextPage += 1
        // One page left the window, so one more may enter it.
        prefetch.fill(upTo: min(totalPages!, nextPage - 1 + concurrency))
        return page.items
    }
}
