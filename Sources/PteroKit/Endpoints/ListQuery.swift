import Foundation

/// What to ask of a list: includes, filters, sorts and page size, written
/// as the panel's query parameters.
public struct ListQuery: Sendable, Equatable {
    /// Relationship names, e.g. `allocations`, `user`; nested with dots.
    public var include: [String]
    /// `filter[name]=value`; a comma in the value means "any of".
    public var filters: [String: String]
    /// Field names, `-` in front for descending.
    public var sort: [String]
    /// Items per page; nil is the panel's default.
    public var perPage: Int?

    public init(include: [String] = [], filters: [String: String] = [:], sort: [String] = [], perPage: Int? = nil) {
        self.include = include
        self.filters = filters
        self.sort = sort
        self.perPage = perPage
    }

    /// The query parameters, except `page` and `per_page` (the pages add them).
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        if !include.isEmpty { items.append(URLQueryItem(name: "include", value: include.joined(separator: ","))) }
        // Sorted so the same query always gives the same URL (journals, tests).
        for name in filters.keys.sorted() {
            items.append(URLQueryItem(name: "filter[\(name)]", value: filters[name]))
        }
        if !sort.isEmpty { items.append(URLQueryItem(name: "sort", value: sort.joined(separator: ","))) }
        return items
    }

    /// `include=a,b` alone, for single objects.
    static func includes(_ names: [String]) -> [URLQueryItem] {
        names.isEmpty ? [] : [URLQueryItem(name: "include", value: names.joined(separator: ","))]
    }
}
