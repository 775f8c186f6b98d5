/// A request reduced to what the pipeline needs, independent of Hummingbird types.
struct IncomingRequest: Sendable {
    var method: String
    var path: String
    var query: String
    var authorization: String?
    var contentType: String?
    var body: [UInt8]
    var baseURL: String
    var now: Double
}
