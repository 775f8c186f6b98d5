/// Everything a route handler may read about its request, already authenticated and
/// resolved, so handlers are synchronous functions of (input, state).
struct RouteInput: Sendable {
    let method: String
    let path: String
    let query: QueryParameters
    var parameters: [String: String]
    let rawBody: [UInt8]
    /// The JSON body after the panel's TrimStrings + ConvertEmptyStringsToNull; `.object([])` when none.
    let body: JSONValue
    let baseURL: String
    /// Wall-clock seconds (fractional) when the request arrived.
    let now: Double
    var caller: Caller?
    var serverAccess: ServerAccess?
    /// The request's `Content-Type`, for the routes that read a multipart upload.
    var contentType: String? = nil

    var nowSeconds: Int { Int(now) }

    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// Numeric path id, or the panel's generic 404 when it is not a number.
    func id(_ name: String) throws -> Int {
        guard let value = Int(parameter(name)), value > 0 else { throw PanelError.notFound }
        return value
    }

    var user: User { caller!.user }
    var access: ServerAccess { serverAccess! }
    var serverId: Int { serverAccess!.serverId }
}
