import PteroKit
import PteroLang

/// Walks a query's pages one at a time, fetching the next only when the
/// loop reaches it, and yields the items every `where` condition accepts.
final class PageIterator: HostIterator {
    let query: PanelQuery
    private var buffer: [Value] = []
    private var position = 0
    private var nextPage = 1
    private var lastPage: Int?
    /// The paths still to walk; one for a plain collection, one per parent
    /// for a spread one (filled on first use).
    private var paths: [String]?

    init(query: PanelQuery) {
        self.query = query
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
            return query.source.path.replacingOccurrences(of: "{id}", with: String(id))
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
                nextPage = 1
                self.lastPage = nil
                continue
            }
            try fetch()
        }
    }

    private func fetch() throws {
        guard let path = try remainingPaths().first else {
            buffer = []
            lastPage = 0
            return
        }
        let page = PageEnvelope(try query.session.read(query.request(page: nextPage, path: path)))
        nextPage += 1
        position = 0
        buffer = page.items.map { Resource.fromEnvelope($0, session: query.session, collection: path) ?? .null }
        // An unpaginated list comes whole.
        lastPage = page.totalPages ?? nextPage - 1
    }
}
