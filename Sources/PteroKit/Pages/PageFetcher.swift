import Foundation

/// Asks for page N of one list; made by `Pages`, or by tests with a stub.
public typealias PageFetcher<Item: Sendable> = @Sendable (_ page: Int) async throws -> Page<Item>

extension PanelClient {
    /// Fetches pages of `request` through `send(_:as:)`, so through the
    /// executor; `perPage` nil leaves the panel's default. A request that
    /// could not be made (a row the dialect lacks) fails at the first page.
    func pageFetcher<Item: Decodable & Sendable>(_ request: Result<PanelRequest, any Error>, perPage: Int?,
                                                 of type: Item.Type) -> PageFetcher<Item> {
        { [self] page in
            // A page whose consumer has gone is not worth a request.
            try Task.checkCancellation()
            let request = try request.get()
            let list = try await send(request.onPage(page, perPage: perPage), as: FractalList<Item>.self)
            let meta = list.meta ?? ListMeta()
            // A list without pagination meta is all there is: one page.
            let pagination = meta.pagination ?? Pagination(
                total: list.data.count, count: list.data.count, perPage: max(list.data.count, 1),
                currentPage: 1, totalPages: 1, links: PaginationLinks())
            return Page(items: list.items, pagination: pagination, meta: meta, endpoint: "GET \(request.path)")
        }
    }
}

extension PanelRequest {
    /// The same listing request for page `page`, and `perPage` items a page
    /// when given: each replaces the parameter where the request has it, or
    /// is added at the end. The one way a listing request is turned into
    /// its next page, for `Pages` and the runtime's `PageIterator`.
    public func onPage(_ page: Int, perPage: Int? = nil) -> PanelRequest {
        var request = self
        request.setQuery("page", String(page))
        if let perPage { request.setQuery("per_page", String(perPage)) }
        return request
    }

    private mutating func setQuery(_ name: String, _ value: String) {
        if let index = query.firstIndex(where: { $0.name == name }) {
            query[index] = URLQueryItem(name: name, value: value)
            query.removeAll { $0.name == name && $0.value != value }
        } else {
            query.append(URLQueryItem(name: name, value: value))
        }
    }
}
