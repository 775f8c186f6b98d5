/// A paginated list of the panel, read lazily: nothing is requested until
/// it is iterated. The first page tells how many pages there are; the rest
/// are then fetched concurrently (at most `concurrency` at a time) and
/// yielded strictly in order. Leaving the loop early cancels what is in
/// flight and asks for nothing more.
public struct Pages<Item: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item

    let fetch: PageFetcher<Item>
    /// How many pages may be requested at once after the first.
    public var concurrency: Int
    let progress = PagesProgress()

    public init(concurrency: Int = 4, fetch: @escaping PageFetcher<Item>) {
        self.fetch = fetch
        self.concurrency = Swift.max(1, concurrency)
    }

    /// The same list with a different bound on pages in flight.
    public func withConcurrency(_ limit: Int) -> Pages {
        Pages(concurrency: limit, fetch: fetch)
    }

    /// How many items the whole list has, once a first page has arrived.
    public var total: Int? { progress.total }

    /// The list's meta (pagination and extras such as `backup_count`) from
    /// the first page, once it has arrived.
    public var meta: ListMeta? { progress.meta }

    public func makeAsyncIterator() -> PagesIterator<Item> {
        PagesIterator(fetch: fetch, concurrency: concurrency, progress: progress)
    }

    /// The first item, fetching only the first page.
    public func first() async throws -> Item? {
        for try await item in self { return item }
        return nil
    }

    /// Every item of every page, in order.
    public func collect() async throws -> [Item] {
        var items: [Item] = []
        for try await item in self { items.append(item) }
        return items
    }

    /// Every item of every page, in order (same as `collect()`).
    public func all() async throws -> [Item] { try await collect() }
}
