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
            var pageRequest = request
            pageRequest.query.removeAll { $0.name == "page" || $0.name == "per_page" }
            pageRequest.query.append(URLQueryItem(name: "page", value: String(page)))
            if let perPage { pageRequest.query.append(URLQueryItem(name: "per_page", value: String(perPage))) }
            let list = try await send(pageRequest, as: FractalList<Item>.self)
            let meta = list.meta ?? ListMeta()
            // A list without pagination meta is all there is: one page.
            let pagination = meta.pagination ?? Pagination(
                total: list.data.count, count: list.data.count, perPage: max(list.data.count, 1),
                currentPage: 1, totalPages: 1, links: PaginationLinks())
            return Page(items: list.items, pagination: pagination, meta: meta, endpoint: "GET \(request.path)")
        }
    }
}
