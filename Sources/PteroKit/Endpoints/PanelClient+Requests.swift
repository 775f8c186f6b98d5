import Foundation

/// The few shapes every endpoint method is built from. Each names its row
/// of the client's table by id and gives the route's placeholder values in
/// the route's order; the method and path come from the row.
extension PanelClient {
    /// The row `id` of this client's table.
    public func endpoint(_ id: String) throws -> APIEndpoint {
        guard let row = table.endpoint(id) else { throw EndpointUnavailable(endpoint: id, dialect: table.dialect) }
        return row
    }

    /// The request for the row `id`: its method, its route filled with
    /// `values` (by placeholder name), its API side. Any row of the table
    /// can be called this way, typed method or not.
    public func request(endpoint id: String, values: [String: String] = [:], query: [URLQueryItem] = [],
                        body: RequestBody? = nil) throws -> PanelRequest {
        let row = try endpoint(id)
        return PanelRequest(row.method, try row.path(filling: values), api: row.api, query: query, body: body,
                            acceptsText: row.answer.notation == "raw:text/plain")
    }

    /// The request for the row `id` with `values` in the order of its placeholders.
    func request(_ id: String, _ values: [any CustomStringConvertible], query: [URLQueryItem] = [],
                 body: RequestBody? = nil) throws -> PanelRequest {
        let row = try endpoint(id)
        return PanelRequest(row.method, try row.path(filling: values.map(\.description)), api: row.api, query: query,
                            body: body, acceptsText: row.answer.notation == "raw:text/plain")
    }

    func request(_ id: String, _ values: [any CustomStringConvertible], query: [URLQueryItem] = [],
                 encoding body: (any Encodable & Sendable)?) throws -> PanelRequest {
        try request(id, values, query: query, body: try body.map { try RequestBody.encoding($0) })
    }

    /// Decodes an item answer to its attributes.
    func item<Attributes: Decodable & Sendable>(_ id: String, _ values: any CustomStringConvertible..., query: [URLQueryItem] = [],
                                                body: (any Encodable & Sendable)? = nil,
                                                as type: Attributes.Type = Attributes.self) async throws -> Attributes {
        try await send(request(id, values, query: query, encoding: body), as: FractalItem<Attributes>.self).attributes
    }

    /// The whole item envelope, for the answers whose `meta` matters.
    func envelope<Attributes: Decodable & Sendable>(_ id: String, _ values: any CustomStringConvertible..., query: [URLQueryItem] = [],
                                                    body: (any Encodable & Sendable)? = nil,
                                                    as type: Attributes.Type = Attributes.self) async throws -> FractalItem<Attributes> {
        try await send(request(id, values, query: query, encoding: body), as: FractalItem<Attributes>.self)
    }

    /// An un-paginated list, as its items' attributes.
    func list<Attributes: Decodable & Sendable>(_ id: String, _ values: any CustomStringConvertible..., query: [URLQueryItem] = [],
                                                as type: Attributes.Type = Attributes.self) async throws -> [Attributes] {
        try await send(request(id, values, query: query), as: FractalList<Attributes>.self).items
    }

    /// A paginated list, read lazily; a row the table lacks fails at the first page.
    func pages<Attributes: Decodable & Sendable>(_ id: String, _ values: any CustomStringConvertible..., query: [URLQueryItem],
                                                 perPage: Int?, as type: Attributes.Type = Attributes.self) -> Pages<Attributes> {
        let request = Result { try self.request(id, values, query: query) }
        return Pages(fetch: pageFetcher(request, perPage: perPage, of: type))
    }

    /// A request whose answer carries nothing to read (204, or 202 with `[]`).
    func perform(_ id: String, _ values: any CustomStringConvertible..., query: [URLQueryItem] = [],
                 body: (any Encodable & Sendable)? = nil) async throws {
        try await send(request(id, values, query: query, encoding: body))
    }
}
