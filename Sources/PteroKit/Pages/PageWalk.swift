/// Where a walk through one paginated listing stands: the page to ask for
/// next, how many there are, every page checked against the first
/// (`PageCheck`), and which pages to have on the wire ahead of the
/// consumer. The one pagination of ptero: PteroKit's `Pages` and the
/// runtime's page iterator both walk with it.
///
/// Pages ahead are fetched only once the consumer has taken the second
/// page: `.first` of a listing costs one request.
public struct PageWalk: Sendable {
    /// Pages in flight at once, the one the consumer waits for among them.
    public let concurrency: Int
    /// The page the consumer gets next.
    public private(set) var nextPage = 1
    /// Known once the first page has arrived.
    public private(set) var totalPages: Int?
    private var check: PageCheck
    /// Pages the consumer needs at most, when it says (`.take(150)` at 100
    /// a page needs two): none past them is fetched ahead.
    private let pagesWanted: Int?

    public init(endpoint: String, concurrency: Int, pagesWanted: Int? = nil) {
        self.concurrency = max(1, concurrency)
        self.pagesWanted = pagesWanted.map { max(1, $0) }
        check = PageCheck(endpoint: endpoint)
    }

    /// Every page has been taken.
    public var isFinished: Bool {
        guard let totalPages else { return false }
        return nextPage > totalPages
    }

    /// The pages to have on the wire once a page has been taken: none
    /// while only the first has (`.first` costs one request), then from
    /// `nextPage` on, as many as keep `concurrency` in flight, never past
    /// the last page nor the pages wanted. Started after the page the
    /// consumer waited for arrived, so the listing's requests leave in
    /// page order.
    public var pagesAhead: ClosedRange<Int>? {
        guard nextPage >= 3, let totalPages else { return nil }
        let last = min(totalPages, pagesWanted ?? totalPages, nextPage + concurrency - 1)
        return last >= nextPage ? nextPage...last : nil
    }

    /// Takes page `nextPage`, of `items` items: its numbers must agree with
    /// themselves and the first page's. A listing without pagination meta
    /// is whole in one page; a later page without it, after a first that
    /// had it, is an error.
    public mutating func accept(_ pagination: Pagination?, items: Int) throws(PageError) {
        if let pagination {
            try check.accept(pagination, items: items, requested: nextPage)
            if totalPages == nil { totalPages = max(1, pagination.totalPages) }
        } else if nextPage == 1 {
            totalPages = 1
        } else {
            throw PageError(message: "\(check.endpoint) answered page \(nextPage) without meta.pagination, after a first page that had it")
        }
        nextPage += 1
    }
}
