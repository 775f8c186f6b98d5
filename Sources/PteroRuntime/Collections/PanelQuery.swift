import Foundation
import PteroKit
import PteroLang

/// A lazy collection of panel objects: `servers`, `servers where node == 3`.
/// Nothing is fetched until it is iterated or asked for a count; `.first`
/// and `.take(n)` stop paging as soon as they have enough.
public final class PanelQuery: HostValue {
    let session: PanelSession
    let source: CollectionSource
    let predicates: [PteroLang.Predicate]
    /// `filter[...]` asked for by `.get(field: ...)`; the conditions' own are
    /// worked out when a listing starts (see `pushDown()`).
    let pushedFilters: [String: String]

    public init(session: PanelSession, source: CollectionSource, predicates: [PteroLang.Predicate] = [], pushedFilters: [String: String] = [:]) {
        self.session = session
        self.source = source
        self.predicates = predicates
        self.pushedFilters = pushedFilters
    }

    /// What the panel is asked to narrow, from every condition as its
    /// variables hold now, when a listing starts: `let q = servers where
    /// node == n` read after `n` changed must ask for the node the local
    /// check then wants. Every item is still checked here.
    func pushDown() -> (filters: [String: String], relation: RelationPath?) {
        var filters = pushedFilters
        var relation: RelationPath?
        for predicate in predicates {
            filters.merge(PushDown.filters(in: predicate, source: source)) { first, _ in first }
            relation = relation ?? PushDown.relation(in: predicate, source: source, table: session.dialect.table)
        }
        return (filters, relation)
    }

    public var typeName: String { "Query" }
    public var displayText: String { predicates.isEmpty ? source.name : "\(source.name) where ..." }
    public var memberNames: [String] { Self.memberNames(of: source, actions: ResourceAction.actions(for: source.object, in: session.dialect)) }

    /// What a query of `source` offers after `.`; without a panel (for
    /// `ptero check`), the methods any panel has.
    static func memberNames(of source: CollectionSource, actions: [ResourceAction]? = nil) -> [String] {
        ["count", "first", "list", "take", "get"] + (source.creatable ? ["create"] : [])
            + (actions ?? ResourceAction.table[source.object] ?? []).map(\.name)
            + Interpreter.listMethodNames.filter { !changingListMethods.contains($0) }
    }

    /// List methods that change their list: on a query they would change a
    /// copy of every page, fetched and then thrown away.
    static let changingListMethods: Set<String> = ["push", "pop", "insert", "remove_at"]

    public func filtered(by predicate: PteroLang.Predicate, interpreter: Interpreter) throws -> Value? {
        .host(PanelQuery(session: session, source: source, predicates: predicates + [predicate], pushedFilters: pushedFilters))
    }

    public func makeIterator(interpreter: Interpreter) throws -> (any HostIterator)? {
        PageIterator(query: self)
    }

    public func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "count":
            if predicates.isEmpty && source.across.isEmpty { return .int(try total()) }
            return .int(try elements().count)
        case "first": return try PageIterator(query: self).next() ?? .null
        case "list": return Value(try elements())
        default: return try BoundMethod.method(name, of: self)
        }
    }

    public func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "take":
            try arguments.expect(1...1)
            let count = try arguments.int(0, "count")
            return Value(try elements(limit: max(0, count)))
        case "get":
            return try get(arguments: &arguments)
        case "create" where source.creatable:
            return try create(arguments: arguments)
        default:
            if ConsoleBulkJob.handles(name, object: source.object) {
                return try ConsoleBulkJob(name: name, session: session, label: source.name).run(on: try elements(), arguments: arguments)
            }
            if let action = try ResourceAction.find(name, for: source.object, in: session.dialect) {
                return try BulkJob(action: action, session: session, label: source.name).run(on: try elements(), arguments: &arguments)
            }
            guard Interpreter.listMethodNames.contains(name) else { return nil }
            if Self.changingListMethods.contains(name) {
                throw RuntimeError("\(source.name) is a query of the panel, not a list: \(name)() would change a copy fetched for nothing; take .list first")
            }
            return try interpreter.callListMethod(name, on: ListObject(try elements()), arguments: &arguments)
        }
    }

    /// `json(servers where node == 3)`: every matching object, fetched.
    public func plainValue(interpreter: Interpreter) throws -> Value? {
        Value(try elements().map { try Resource.plainValue(of: $0, interpreter: interpreter) })
    }

    /// `servers[12]`: one object by id, straight from the panel.
    public func index(_ key: Value, interpreter: Interpreter) throws -> Value? {
        guard case .int(let id) = key else {
            throw RuntimeError("\(source.name)[...] takes an id (an int), not \(key.describedType)")
        }
        if !source.across.isEmpty {
            // No single path holds them all: look through them.
            return try elements().first { element in
                if case .host(let resource as Resource) = element { resource.numericID == id } else { false }
            } ?? .null
        }
        let path = "\(source.path)/\(id)"
        let envelope = try AnswerShape.item(try session.read(PanelRequest(.get, path)), object: source.object, endpoint: "GET \(path)")
        return Resource.fromEnvelope(envelope, session: session, collection: source.path) ?? .null
    }

    /// `users.get(email: "a@b.c")`: the one object whose field equals the value, or null.
    func get(arguments: inout Arguments) throws -> Value {
        guard arguments.count == 0, let (field, wanted) = arguments.named.first, arguments.named.count == 1 else {
            throw RuntimeError("get takes one named argument, e.g. \(source.name).get(uuid: \"...\")")
        }
        arguments.named.removeAll()
        var filters = pushedFilters
        if let filter = source.filterName(forField: field), case .string(let text) = wanted, !text.isEmpty, !text.contains(",") {
            filters[filter] = text
        }
        let narrowed = PanelQuery(session: session, source: source, predicates: predicates, pushedFilters: filters)
        let iterator = PageIterator(query: narrowed)
        while let element = try iterator.next() {
            if case .host(let resource as Resource) = element, let value = resource.attributes.value(forName: field),
               value.isEqual(to: wanted) {
                return element
            }
        }
        return .null
    }

    /// `users.create(email: ..., ...)`: a POST of the named arguments, in
    /// the order of the row's fields; a name the row has not got is refused
    /// here (the panel would drop it without a word: Pelican's user has no
    /// `first_name`), the panel checks the values and says which is wrong.
    /// Returns the new object when the panel sends it back.
    func create(arguments: Arguments) throws -> Value {
        guard arguments.positional.isEmpty else {
            throw RuntimeError("\(source.name).create() takes named arguments, e.g. \(source.name).create(name: \"...\")")
        }
        try WholeNumbers.check(arguments)
        var fields = arguments.named.map { ($0.label, $0.value) }
        if !source.createFields.isEmpty {
            fields = try BoundArguments(arguments, callee: "\(source.name).create", parameters: source.createFields).values.map { ($0.name, $0.value) }
        }
        for (name, value) in source.createDefaults.sorted(by: { $0.key < $1.key }) where !fields.contains(where: { $0.0 == name }) {
            fields.append((name, Value(value)))
        }
        let request = fields.isEmpty ? PanelRequest(.post, source.path)
            : PanelRequest(.post, source.path, body: .json(try JSONBody.encode(.map(MapObject(fields)))))
        return try session.writeReturningObject(request, collection: source.path)
    }

    func elements(limit: Int = .max) throws -> [Value] {
        var result: [Value] = []
        let iterator = PageIterator(query: self, wanted: limit == .max ? nil : limit)
        while result.count < limit, let element = try iterator.next() { result.append(element) }
        return result
    }

    /// The panel's count of matching rows, from a one-item page.
    func total() throws -> Int {
        let page = try firstPage(perPage: 1)
        return page.pagination?.total ?? page.items.count
    }

    /// Page 1 of `perPage` items, its shape and numbers checked.
    func firstPage(perPage: Int) throws -> PageEnvelope {
        let endpoint = "GET \(source.path)"
        let page = try PageEnvelope(try session.read(request(page: 1, perPage: perPage)), endpoint: endpoint, object: source.object)
        if let pagination = page.pagination {
            var check = PageCheck(endpoint: endpoint)
            do {
                try check.accept(pagination, items: page.items.count, requested: 1)
            } catch {
                throw RuntimeError(error.message)
            }
        }
        return page
    }

    /// One page's request; `filters` are the listing's (`pushDown()`), else `.get`'s alone.
    func request(page: Int, perPage: Int? = nil, path: String? = nil, filters: [String: String]? = nil) -> PanelRequest {
        var query = [URLQueryItem(name: "page", value: String(page)),
                     URLQueryItem(name: "per_page", value: String(perPage ?? source.pageSize))]
        for (name, value) in source.fixedQuery.sorted(by: { $0.key < $1.key }) {
            query.append(URLQueryItem(name: name, value: value))
        }
        for (field, value) in (filters ?? pushedFilters).sorted(by: { $0.key < $1.key }) {
            query.append(URLQueryItem(name: "filter[\(field)]", value: value))
        }
        return PanelRequest(.get, path ?? source.path, query: query)
    }
}
