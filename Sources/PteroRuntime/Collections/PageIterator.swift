import PteroKit
import PteroLang

/// Walks a query's pages, and yields the items every `where` condition
/// accepts. The first page is fetched alone (`.first` costs one request);
/// once the loop reaches the second, the next few are fetched at once
/// ahead of it, in order, and a loop that stops early cancels them.
final class PageIterator: HostIterator {
    /// Pages in flight ahead of the loop, as `Pages` in PteroKit does.
    static let pagesAhead = 4

    let query: PanelQuery
    /// Answers on their way, by page number, for the current path.
    private var ahead: [Int: Task<PanelResponse, Error>] = [:]
    private var buffer: [Value] = []
    private var position = 0
    private var nextPage = 1
    private var lastPage: Int?
    /// The current path's pages checked against its first (see `PageCheck`).
    private var check: PageCheck?
    /// The first item of the page before, by identity: a panel that sends
    /// the same page again under another number is caught by it.
    private var previousFirst: String?
    /// The paths still to walk; one for a plain collection, one per parent
    /// for a spread one (filled on first use).
    private var paths: [String]?
    /// The query's relation until it has been read (or declined by the
    /// panel, which then gets asked for the pages).
    private var relation: RelationPath?
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

    deinit {
        for task in ahead.values { task.cancel() }
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
            if let lastPage, nextPage > lastPage {
                // This path is done; go on with the next parent's, if any.
                guard try remainingPaths().count > 1 else { return nil }
                paths!.removeFirst()
                for task in ahead.values { task.cancel() }
                ahead = [:]
                nextPage = 1
                self.lastPage = nil
                check = nil
                previousFirst = nil
                continue
            }
            try fetch()
        }
    }

    private func fetch() throws {
        if let relation {
            self.relation = nil
            if let items = try relation.items(session: query.session, object: query.source.object, collection: query.source.path) {
                buffer = items
                position = 0
                lastPage = 1
                nextPage = 2
                return
            }
        }
        guard let path = try remainingPaths().first else {
            buffer = []
            lastPage = 0
            return
        }
        let endpoint = "GET \(path)"
        let answer: Value
        if let task = ahead.removeValue(forKey: nextPage) {
            answer = try PanelSession.value(of: try query.session.answer(query.request(page: nextPage, path: path, filters: filters)) { try await task.value })
        } else {
            answer = try query.session.read(query.request(page: nextPage, path: path, filters: filters))
        }
        let page = try PageEnvelope(answer, endpoint: endpoint, object: query.source.object)
        try checkNumbers(of: page, endpoint: endpoint)
        // While a journal answers the pages, none is fetched ahead.
        if nextPage >= 2, query.session.journal?.isReplaying != true, let total = page.pagination?.totalPages, case let last = min(total, pagesWanted ?? total), nextPage < last {
            let client = query.session.client
            for number in (nextPage + 1)...min(last, nextPage + Self.pagesAhead) where ahead[number] == nil {
                let request = query.request(page: number, path: path, filters: filters)
                ahead[number] = Task { try await client.send(request) }
            }
        }
        nextPage += 1
        position = 0
        buffer = page.items.map { Resource.fromEnvelope($0, session: query.session, collection: path) ?? .null }
        // An unpaginated list comes whole.
        lastPage = page.pagination?.totalPages ?? nextPage - 1
    }

    /// Checks the page's numbers against the first page's, and that it does
    /// not repeat the page before: a listing that does not add up ends in
    /// an error, never in an endless loop or a wrong count.
    private func checkNumbers(of page: PageEnvelope, endpoint: String) throws {
        if let pagination = page.pagination {
            var check = self.check ?? PageCheck(endpoint: endpoint)
            do {
                try check.accept(pagination, items: page.items.count, requested: nextPage)
            } catch {
                throw RuntimeError(error.message)
            }
            self.check = check
        } else if nextPage > 1 {
            throw RuntimeError("\(endpoint) answered page \(nextPage) without meta.pagination, after a first page that had it")
        }
        let first = page.items.first.flatMap(Self.identity)
        if let first, first == previousFirst {
            throw RuntimeError("\(endpoint) answered page \(nextPage) with the items of page \(nextPage - 1) (a repeated page)")
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
