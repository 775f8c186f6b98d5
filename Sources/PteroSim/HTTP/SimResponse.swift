/// What a route hands back before it becomes a Hummingbird `Response`; kept free of
/// NIO types so handlers stay plain, synchronous and testable under the store lock.
struct SimResponse: Sendable {
    var status: Int
    var body: [UInt8]
    var contentType: String?
    var headers: [(String, String)] = []

    static func json(_ value: JSONValue, status: Int = 200) -> SimResponse {
        SimResponse(status: status, body: JSONSerializer.serialize(value), contentType: "application/json")
    }

    static let noContent = SimResponse(status: 204, body: [], contentType: nil)

    /// The `202` with a literal `[]` body the panel sends for queued work.
    static let acceptedEmptyList = SimResponse(status: 202, body: Array("[]".utf8), contentType: "application/json")

    static func text(_ bytes: [UInt8], contentType: String = "text/plain") -> SimResponse {
        SimResponse(status: 200, body: bytes, contentType: contentType)
    }

    /// An OPTIONS request to a path that other verbs have: Laravel answers it before any
    /// route middleware with an empty 200 naming them (`getRouteForMethods`).
    static func options(allowing allowed: [String]) -> SimResponse {
        SimResponse(status: 200, body: [], contentType: "text/html; charset=UTF-8", headers: [("Allow", allowed.joined(separator: ","))])
    }

    static func error(_ error: PanelError) -> SimResponse {
        var response = json(error.body, status: error.status)
        response.headers = error.headers
        return response
    }
}
