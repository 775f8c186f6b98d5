/// Shared response building for list endpoints and `meta.resource` links.
extension RouteInput {
    var applicationTransformer: ApplicationTransformer {
        ApplicationTransformer(includes: Includes(query: query), caller: caller!)
    }

    var clientTransformer: ClientTransformer {
        ClientTransformer(includes: Includes(query: query), caller: caller!, access: serverAccess)
    }

    /// A paginated list with the panel's `meta.pagination`.
    func paginated<T>(
        _ items: [T], defaultPerPage: Int = 50, cap: Int? = nil, keepQuery: Bool = false,
        extraMeta: [(String, JSONValue)] = [], render: (T) -> JSONValue
    ) -> SimResponse {
        let pagination = Pagination(query: query, defaultPerPage: defaultPerPage, cap: cap)
        let page = pagination.slice(items)
        let meta = pagination.meta(total: items.count, count: page.count, baseURL: baseURL, path: path, query: query, keepQuery: keepQuery)
        return .json(Envelope.list(page.map(render), meta: [("pagination", meta)] + extraMeta))
    }

    /// The absolute URL of a created resource, for `meta.resource`.
    func resourceURL(_ path: String) -> JSONValue { .string(baseURL + path) }

    /// A required JSON-body value after validation has passed.
    func string(_ field: String) -> String? { Validator.lookup(field, in: body)?.stringValue }
    func int(_ field: String) -> Int? {
        guard let value = Validator.lookup(field, in: body) else { return nil }
        if let number = value.intValue { return number }
        return value.stringValue.flatMap { Int($0) }
    }
    /// A validated number as the panel's database column stores it (rounded, clipped to the column).
    func stored(_ field: String, as column: IntegerColumn) -> Int? {
        Validator.lookup(field, in: body).flatMap(column.store)
    }
    func bool(_ field: String) -> Bool? {
        guard let value = Validator.lookup(field, in: body) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .string(let text): return text == "1" || text == "true"
        default: return nil
        }
    }
    func has(_ field: String) -> Bool { Validator.lookup(field, in: body) != nil }
}
