/// One endpoint: verb, path pattern, which API guards it and the handler.
struct Route: Sendable {
    enum API: Sendable, Equatable {
        case application(ApplicationResource)
        case client
        /// A `/api/client/servers/{server}/…` route: access (404) and state (409) are checked first.
        case clientServer(allowConflictStates: Bool)
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    typealias Handler = @Sendable (RouteInput, inout PanelState) throws -> SimResponse

    let method: String
    let pattern: String
    let segments: [Segment]
    let api: API
    let handler: Handler
    /// `METHOD pattern`, the key of this route in `/_sim/stats`.
    let name: String

    init(_ method: String, _ pattern: String, _ api: API, _ handler: @escaping Handler) {
        self.method = method
        self.pattern = pattern
        self.api = api
        self.handler = handler
        name = method + " " + pattern
        segments = pattern.split(separator: "/").map { part in
            part.hasPrefix("{") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    var literalCount: Int { segments.filter { if case .literal = $0 { return true }; return false }.count }

    /// Path parameters when `parts` fits this pattern.
    func match(_ parts: [Substring]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text): if text != part { return nil }
            case .parameter(let name): parameters[name] = QueryParameters.decode(part)
            }
        }
        return parameters
    }
}
