import Foundation

/// Which of the panel's two APIs a request belongs to; each has its own
/// rate-limit bucket and its own key.
public enum PanelAPI: String, Sendable, Hashable, CaseIterable {
    case application
    case client
}

/// The HTTP verbs the panel uses.
public enum HTTPMethod: String, Sendable, Hashable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
}

/// What a request carries: JSON for nearly everything, raw text for
/// `files/write`.
public enum RequestBody: Sendable, Equatable {
    case json(Data)
    case text(String)

    /// Encodes `value` with the panel's field names (snake_case is spelled
    /// out in the models' CodingKeys, so no key strategy is applied), its
    /// keys in the order its type writes them (a dictionary's sorted),
    /// through the one body encoder, `OrderedJSON`.
    public static func encoding<Value: Encodable>(_ value: Value) throws -> RequestBody {
        try .json(ordered: OrderedJSONEncoding.encode(value))
    }

    public var data: Data {
        switch self {
        case .json(let data): data
        case .text(let text): Data(text.utf8)
        }
    }

    public var contentType: String {
        switch self {
        case .json: "application/json"
        case .text: "text/plain"
        }
    }
}

/// One call to the panel, independent of how it is sent.
public struct PanelRequest: Sendable, Equatable {
    public var api: PanelAPI
    public var method: HTTPMethod
    /// From the API root, e.g. `/api/application/servers/12`.
    public var path: String
    public var query: [URLQueryItem]
    public var body: RequestBody?
    /// What the response is expected to be: JSON unless `files/contents`.
    public var acceptsText: Bool

    public init(_ method: HTTPMethod, _ path: String, api: PanelAPI? = nil, query: [URLQueryItem] = [],
                body: RequestBody? = nil, acceptsText: Bool = false) {
        self.method = method
        self.path = path
        self.api = api ?? (path.hasPrefix("/api/client") ? .client : .application)
        self.query = query
        self.body = body
        self.acceptsText = acceptsText
    }

    /// Sending it twice has the effect of sending it once, so it may be
    /// retried after an answer was lost. POST never is.
    public var isIdempotent: Bool { method != .post }

    /// `METHOD /path?query`, for errors, dry runs and journals.
    public var summary: String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.isEmpty ? nil : query
        return "\(method.rawValue) \(components.string ?? path)"
    }
}
