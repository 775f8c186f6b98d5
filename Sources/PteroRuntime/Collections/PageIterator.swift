import Foundation
import PteroKit
import PteroLang

/// Walks a query's pages, and yields the items every `where` condition
/// accepts. Pages are walked with PteroKit's `PageWalk` (the one
/// pagination): the first alone (`.first` costs one request), then a few
/// ahead of the loop, in order, and a loop that stops early cancels them.
/// Each page the loop takes is one interaction of the script, read through
/// the session (so journaled in order); while a journal answers them, none
/// is fetched ahead.
final class PageIterator: HostIterator {
    /// Pages in flight at once, as `Pages` in PteroKit has by default.
    static let concurrency = 4

    let query: PanelQuery
    private var buffer: [Value] = []
    private var position = 0
    /// The current path's walk; nil before its first page.
    private var walk: PageWalk?
    /// The current path's pages on their way.
    private var prefetch: PagePrefetch<PanelResponse>?
    /// The first item of the page before, by identity: a panel that sends
    /// the same page again under another number is caught by it.
    private var previousFirst: String?
    /// The paths still to walk; one for a plain collection, one per parent
    /// for a spread one (filled on first use).
    private var paths: [String]?
    /// The query's relation until it has been read (or declined by the
    /// panel, which then gets asked for the pages).
    private var relation: RelationPath?
    /// The relation answered every item: no page is asked for.
    private var answeredByRelation = false
    /// The `filter[...]` every page asks for.
    private let filters: [String: String]

    /// Pages the consumer needs at most, when it says (`.take(150)` of an
    /// unfiltered query needs two): no page past them is fetched ahead.
    private let pagesWanted: Int?

    init(query: PanelQuery, wanted: Int? = nil) {
        self.query = query
        (filters, relation) = query.pushDown()
        pagesWanted = query.predicates.isEmpty ? wanted.map { ($0 + query.source.pageSize - 1) / query.source.pageSize } : nil
    }

    private func remainingPaths() throws -> [String] {
        if let paths { return paths }
        guard let parent = query.source.across.first else {
            paths = [query.source.path]
            return paths!
        }
        let parents = try PanelQuery(session: query.session, source: parent).elements()
        paths = parents.compactMap { element in
            guard case .host(let resource as Resource) = element, let id = resource.numericID else { return nil }
            return CollectionSource.filling(query.source.path, with: String(id))
        }
        return paths!
    }

    func next() throws -> Value? {
        while true {
            if position < buffer.count {
                let element = buffer[position]
                position += 1
                if try query.predicates.allSatisfy({ try $0.test(element) }) { return element }
                continue
            }
            if answeredByRelation { return nil }
            if walk?.isFinished == true {
                // This path is done; go on with the next parent's, if any.
                guard try remainingPaths().count > 1 else { return nil }
                paths!.removeFirst()
                prefetch?.cancelAll()
                prefetch = nil
                walk = nil
                previousFirst = nil
                continue
            }
            guard try fetch() else { return nil }
        }
    }

    /// Reads the next page into the buffer; false when there is nothing to read.
    private func fetch() throws -> Bool {
        if let relation {
            self.relation = nil
            if let items = try relation.items(session: query.session, object: query.source.object, collection: query.source.path) {
                buffer = items
                position = 0
                answeredByRelation = true
                return true
            }
        }
        guard let path = try remainingPaths().first else { return false }
        let endpoint = "GET \(path)"
        var walk = self.walk ?? PageWalk(endpoint: endpoint, concurrency: Self.concurrency, pagesWanted: pagesWanted)
        let number = walk.nextPage
        let request = query.request(page: number, path: path, filters: filters)
        let answer: Value
        if let task = prefetch?.claim(number) {
            answer = try PanelSession.value(of: try query.session.answer(request) { try await task.value })
        } else {
            answer = try query.session.read(request)
        }
        let page = try PageEnvelope(answer, endpoint: endpoint, object: query.source.object)
        do {
            try walk.accept(page.pagination, items: page.items.count)
        } catch {
            throw RuntimeError(error.message)
        }
        try checkNotRepeated(page, number: number, endpoint: endpoint)
        if query.session.journal?.isReplaying != true, let ahead = walk.pagesAhead {
            let client = query.session.client
            let template = query.request(page: 1, path: path, filters: filters)
            let prefetch = self.prefetch ?? PagePrefetch { page in try await client.send(template.onPage(page)) }
            self.prefetch = prefetch
            prefetch.start(ahead)
        }
        self.walk = walk
        position = 0
        buffer = page.items.map { Resource.fromEnvelope($0, session: query.session, collection: path) ?? .null }
        return true
    }

    /// A page whose first item is the page before's: caught by identity,
    /// for a panel that sends the same page under another number.
    private func checkNotRepeated(_ page: PageEnvelope, number: Int, endpoint: String) throws {
        let first = page.items.first.flatMap(Self.identity)
        if let first, first == previousFirst {
            throw RuntimeError("\(endpoint) answered page \(number) with the items of page \(number - 1) (a repeated page)")
        }
        previousFirst = first
    }

    /// An item's identity attribute, as text: how a repeated page is told.
    private static func identity(of envelope: Value) -> String? {
        guard case .map(let item) = envelope, case .string(let object)? = item.value(forName: "object"),
              case .map(let attributes)? = item.value(forName: "attributes"),
              let identity = Resource.identity(of: attributes, kind: ResourceKind.forObject(object)) else { return nil }
        return Resource.plain(identity)
    }
}
