/// `meta.pagination` of a paginated list.
public struct Pagination: Decodable, Sendable, Equatable {
    public var total: Int
    public var count: Int
    public var perPage: Int
    public var currentPage: Int
    public var totalPages: Int
    public var links: PaginationLinks

    public init(total: Int, count: Int, perPage: Int, currentPage: Int, totalPages: Int, links: PaginationLinks = PaginationLinks()) {
        self.total = total
        self.count = count
        self.perPage = perPage
        self.currentPage = currentPage
        self.totalPages = totalPages
        self.links = links
    }

    enum CodingKeys: String, CodingKey {
        case total, count, links
        case perPage = "per_page"
        case currentPage = "current_page"
        case totalPages = "total_pages"
    }
}
