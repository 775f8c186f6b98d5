/// The requested `include` tree (`servers.allocations`), limited to two levels like
/// Fractal's recursion limit.
struct Includes: Sendable {
    private var children: [String: Includes] = [:]

    init() {}

    init(query: QueryParameters) {
        for name in query.list("include") {
            insert(name.split(separator: ".").map(String.init).prefix(2))
        }
    }

    private mutating func insert(_ path: ArraySlice<String>) {
        guard let first = path.first else { return }
        var child = children[first] ?? Includes()
        child.insert(path.dropFirst())
        children[first] = child
    }

    func has(_ name: String) -> Bool { children[name] != nil }

    func nested(_ name: String) -> Includes { children[name] ?? Includes() }

    /// The allowed names that were requested, in the transformer's declared order.
    func requested(from allowed: [String]) -> [String] { allowed.filter(has) }
}
