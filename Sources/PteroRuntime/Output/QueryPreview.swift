import PteroLang

/// The first rows of a panel query, for the REPL to show without fetching
/// every page, and a footer saying how many more there are.
struct QueryPreview {
    let resources: [Resource]
    /// `… 312 in all; .list fetches every one`, or nil when all are shown.
    let footer: String?

    /// Rows the REPL shows of a query before its footer.
    static let rowLimit = 25

    init(_ query: PanelQuery, limit: Int = QueryPreview.rowLimit) throws {
        let limit = max(1, limit)
        if query.predicates.isEmpty && query.source.across.isEmpty {
            // One page of exactly the rows shown; its pagination says how many there are.
            let page = try query.firstPage(perPage: limit)
            let items = page.items.compactMap { Self.resource(Resource.fromEnvelope($0, session: query.session)) }
            let total = page.pagination?.total ?? items.count
            resources = Array(items.prefix(limit))
            footer = total > resources.count ? "… \(total) in all; .list fetches every one" : nil
        } else {
            // Each row is checked here, so only fetching one more tells whether there are more.
            let elements = try query.elements(limit: limit + 1)
            resources = elements.prefix(limit).compactMap(Self.resource)
            footer = elements.count > limit ? "… and more; .count counts them, .list fetches every one" : nil
        }
    }

    private static func resource(_ value: Value?) -> Resource? {
        if case .host(let resource as Resource)? = value { return resource }
        return nil
    }

    /// The table and its footer, or a line saying there is nothing.
    func render(name: String, filtered: Bool, width: Int) -> String {
        guard !resources.isEmpty else { return filtered ? "no \(name) match" : "no \(name)" }
        let table = ResourceTable.make(resources).render(width: width)
        return footer.map { table + "\n" + $0 } ?? table
    }
}
