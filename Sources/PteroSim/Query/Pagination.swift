/// Slices a list into the panel's `meta.pagination` shape (exact key order, `links: {}`).
struct Pagination: Sendable {
    let page: Int
    let perPage: Int

    init(query: QueryParameters, defaultPerPage: Int, cap: Int? = nil) {
        let requestedPage = query["page"].flatMap { Int($0) } ?? 1
        page = max(1, requestedPage)
        var size = query["per_page"].map { Int($0) ?? 0 } ?? defaultPerPage
        if size < 1 { size = 15 }
        if let cap { size = min(size, cap) }
        perPage = size
    }

    /// `page` and `per_page` come from the query and may be near Int.max: no product or sum here may overflow.
    func slice<T>(_ items: [T]) -> ArraySlice<T> {
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        let start = overflow ? items.count : min(items.count, offset)
        let end = start + min(items.count - start, perPage)
        return items[start..<end]
    }

    /// `keepQuery` keeps the caller's parameters in links (client server list, activity);
    /// otherwise links carry only `page`, as on the application API.
    func meta(total: Int, count: Int, baseURL: String, path: String, query: QueryParameters, keepQuery: Bool) -> JSONValue {
        let totalPages = max(1, total / perPage + (total % perPage == 0 ? 0 : 1))
        var links: [(String, JSONValue)] = []
        func link(_ target: Int) -> JSONValue {
            .string(baseURL + path + "?" + (keepQuery ? query.replacingPage(target) : "page=\(target)"))
        }
        if page > 1 { links.append(("previous", link(page - 1))) }
        if page < totalPages { links.append(("next", link(page + 1))) }
        return .object([
            ("total", .int(total)),
            ("count", .int(count)),
            ("per_page", .int(perPage)),
            ("current_page", .int(page)),
            ("total_pages", .int(totalPages)),
            ("links", .object(links)),
        ])
    }
}
