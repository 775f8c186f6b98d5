/// What a listing's pages must agree on before their items are used: a
/// panel (or something posing as one) whose `meta.pagination` is out of
/// range, repeats a page, runs past its own total or changes the total
/// mid-listing would otherwise make a loop run for ever or count wrong.
/// The panel's numbers come from Laravel's LengthAwarePaginator (panel:
/// app/Http/Controllers/Api/Application/Servers/ServerController.php
/// `->paginate(...)`) through Fractal's IlluminatePaginatorAdapter (panel:
/// app/Extensions/Spatie/Fractalistic/Fractal.php), so `total_pages` is
/// `max(1, ceil(total / per_page))` and every page but the last is full.
public struct PageCheck: Sendable {
    /// More items than any panel holds (its ids are database rows); a
    /// larger total is a broken answer, not a listing to walk.
    public static let maximumTotal = 10_000_000

    /// `GET /api/application/servers`, for the messages.
    public let endpoint: String
    /// The first page's numbers, which every later page must repeat.
    private var first: Pagination?

    public init(endpoint: String) {
        self.endpoint = endpoint
    }

    /// Checks page `requested`, which holds `items` items, against its own
    /// numbers and the first page's.
    public mutating func accept(_ pagination: Pagination, items: Int, requested: Int) throws(PageError) {
        let total = pagination.total, perPage = pagination.perPage
        guard (0...Self.maximumTotal).contains(total) else { throw fail("a total of \(total) items") }
        guard perPage >= 1 else { throw fail("per_page \(perPage)") }
        let pages = max(1, (total + perPage - 1) / perPage)
        guard pagination.totalPages == pages else {
            throw fail("total_pages \(pagination.totalPages) where \(total) items at \(perPage) a page make \(pages)")
        }
        guard pagination.currentPage == requested else {
            throw fail("page \(pagination.currentPage) when page \(requested) was asked for (a repeated page)")
        }
        guard requested <= pages else { throw fail("page \(requested), past its last page \(pages)") }
        guard pagination.count == items else { throw fail("count \(pagination.count) with \(items) items on page \(requested)") }
        let expected = requested < pages ? perPage : total - (pages - 1) * perPage
        guard items == expected else {
            throw fail("page \(requested) of \(pages) holding \(items) of the \(expected) items due (\(total) in all, \(perPage) a page)")
        }
        if let first {
            guard total == first.total, perPage == first.perPage else {
                throw fail("a total that changed mid-listing (\(first.total) items at \(first.perPage) a page, then \(total) at \(perPage)): "
                           + "the list changed while it was read (a create or delete in the loop, or someone else's), so later pages "
                           + "would skip or repeat items; take `.list` first to act on a snapshot")
            }
        } else {
            first = pagination
        }
    }

    private func fail(_ what: String) -> PageError {
        PageError(message: "\(endpoint) answered \(what)")
    }
}

/// A listing whose pages do not add up; the message names the endpoint.
public struct PageError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
