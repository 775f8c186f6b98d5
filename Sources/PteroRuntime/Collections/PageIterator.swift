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

    init(query: PanelQuery) {
        self.query = query
    }

    func next() throws -> Value? {
        while true {
            if position < buffer.count {
                let element = buffer[position]
                position += 1
                if try query.predicates.allSatisfy({ try $0.test(element) }) { return element }
                continue
            }
            if let lastPage, nextPage > lastPage { return nil }
            try fetch()
        }
    }

    private func fetch() throws {
        let envelope = try query.session.read(query.request(page: nextPage))
        nextPage += 1
        position = 0
        guard case .map(let body) = envelope, case .list(let data)? = body.value(forName: "data") else {
            buffer = []
            lastPage = 0
            return
        }
        buffer = data.items.map { Resource.fromEnvelope($0, session: query.session) ?? .null }
        if case .map(let meta)? = body.value(forName: "meta"), case .map(let pagination)? = meta.value(forName: "pagination"),
           case .int(let pages)? = pagination.value(forName: "total_pages") {
            lastPage = pages
        } else {
            // An unpaginated list comes whole.
            lastPage = nextPage - 1
        }
    }
}
