/// spatie/laravel-query-builder's `filter[...]` and `sort=` for one endpoint: declared
/// fields only, unknown names answered with its 400 messages.
struct ListQuery<Item>: Sendable {
    enum Match: Sendable { case partial, exact }

    struct Filter: Sendable {
        let name: String
        let match: Match
        let value: @Sendable (Item) -> String?
    }

    struct Sort: Sendable {
        let name: String
        let key: @Sendable (Item) -> SortKey
    }

    enum SortKey: Comparable, Sendable {
        case number(Int)
        case text(String)
    }

    var filters: [Filter] = []
    var sorts: [Sort] = []

    func apply(_ items: [Item], query: QueryParameters) throws -> [Item] {
        var result = items
        let requested = query.bracketed("filter")
        let unknown = requested.map(\.0).filter { name in !filters.contains { $0.name == name } }
        if !unknown.isEmpty {
            throw PanelError(
                status: 400, code: "InvalidFilterQuery",
                detail: "Requested filter(s) `\(unknown.joined(separator: ", "))` are not allowed. Allowed filter(s) are `\(filters.map(\.name).joined(separator: ", "))`.")
        }
        for (name, raw) in requested where !raw.isEmpty {
            guard let filter = filters.first(where: { $0.name == name }) else { continue }
            let wanted = raw.split(separator: ",").map { $0.lowercased() }
            result = result.filter { item in
                guard let value = filter.value(item)?.lowercased() else { return false }
                return wanted.contains { filter.match == .exact ? value == $0 : value.contains($0) }
            }
        }
        guard let sortParameter = query["sort"], !sortParameter.isEmpty else { return result }
        let fields = sortParameter.split(separator: ",").map(String.init)
        let unknownSorts = fields.map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 }.filter { name in !sorts.contains { $0.name == name } }
        if !unknownSorts.isEmpty {
            throw PanelError(
                status: 400, code: "InvalidSortQuery",
                detail: "Requested sort(s) `\(unknownSorts.joined(separator: ", "))` is not allowed. Allowed sort(s) are `\(sorts.map(\.name).joined(separator: ", "))`.")
        }
        let keys: [(Sort, Bool)] = fields.map { field in
            let descending = field.hasPrefix("-")
            let name = descending ? String(field.dropFirst()) : field
            return (sorts.first { $0.name == name }!, descending)
        }
        return result.enumerated().sorted { left, right in
            for (sort, descending) in keys {
                let a = sort.key(left.element), b = sort.key(right.element)
                if a != b { return descending ? a > b : a < b }
            }
            return left.offset < right.offset
        }.map(\.element)
    }
}
