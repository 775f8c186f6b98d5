import Foundation

/// The few shapes every endpoint method is built from.
extension PanelClient {
    /// Decodes an item answer to its attributes.
    func item<Attributes: Decodable & Sendable>(_ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [],
                                                body: (any Encodable & Sendable)? = nil,
                                                as type: Attributes.Type = Attributes.self) async throws -> Attributes {
        try await envelope(method, path, query: query, body: body, as: type).attributes
    }

    /// The whole item envelope, for the answers whose `meta` matters.
    func envelope<Attributes: Decodable & Sendable>(_ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [],
                                                    body: (any Encodable & Sendable)? = nil,
                                                    as type: Attributes.Type = Attributes.self) async throws -> FractalItem<Attributes> {
        try await send(request(method, path, query: query, body: body), as: FractalItem<Attributes>.self)
    }

    /// An un-paginated list, as its items' attributes.
    func list<Attributes: Decodable & Sendable>(_ path: String, query: [URLQueryItem] = [],
                                                as type: Attributes.Type = Attributes.self) async throws -> [Attributes] {
        try await send(request(.get, path, query: query), as: FractalList<Attributes>.self).items
    }

    /// A paginated list, read lazily.
    func pages<Attributes: Decodable & Sendable>(_ path: String, query: [URLQueryItem], perPage: Int?,
                                                 as type: Attributes.Type = Attributes.self) -> Pages<Attributes> {
        Pages(fetch: pageFetcher(PanelRequest(.get, path, query: query), perPage: perPage, of: type))
    }

    /// A request whose answer carries nothing to read (204, or 202 with `[]`).
    func perform(_ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [], body: (any Encodable & Sendable)? = nil) async throws {
        try await send(request(method, path, query: query, body: body))
    }

    func request(_ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [], body: (any Encodable & Sendable)? = nil) throws -> PanelRequest {
        PanelRequest(method, path, query: query, body: try body.map { try RequestBody.encoding($0) })
    }
}

/// Escapes one path segment (an external id, a key identifier) so that a
/// `/` or `?` in it cannot change which endpoint is called.
func segment(_ value: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/?#%")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
