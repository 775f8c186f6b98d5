/// Finds the route for a verb and path; distinguishes "no such path" (404) from
/// "path exists for other verbs" (405) as Laravel does.
struct RouteTable: Sendable {
    enum Lookup {
        case found(Route, [String: String])
        case wrongMethod([String])
        case missing
    }

    private let routesBySegmentCount: [Int: [Route]]

    init(_ routes: [Route]) {
        var grouped: [Int: [Route]] = [:]
        for route in routes { grouped[route.segments.count, default: []].append(route) }
        // Literal segments win over parameters (`/nodes/deployable` before `/nodes/{node}`).
        routesBySegmentCount = grouped.mapValues { $0.sorted { $0.literalCount > $1.literalCount } }
    }

    var allRoutes: [Route] { routesBySegmentCount.values.flatMap { $0 } }

    /// Laravel's `Router::$verbs`, the order in which a 405 lists the other verbs
    /// (`AbstractRouteCollection::checkForAlternateVerbs`); a GET route answers HEAD too.
    static let verbs = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func lookup(method: String, path: String) -> Lookup {
        let parts = path.split(separator: "/")
        guard let candidates = routesBySegmentCount[parts.count] else { return .missing }
        var others: Set<String> = []
        for route in candidates {
            guard let parameters = route.match(parts) else { continue }
            if route.method == method || (method == "HEAD" && route.method == "GET") { return .found(route, parameters) }
            others.insert(route.method)
            if route.method == "GET" { others.insert("HEAD") }
        }
        let allowed = Self.verbs.filter { $0 != method && others.contains($0) }
        return allowed.isEmpty ? .missing : .wrongMethod(allowed)
    }
}
