import Hummingbird
import NIOCore

/// Bridges Hummingbird to the store: collects the body, applies simulated latency and
/// faults, and turns a `SimResponse` into a `Response`. All panel logic is elsewhere.
struct PanelResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let store: PanelStore
    let faults: FaultInjector

    init(store: PanelStore) {
        self.store = store
        faults = FaultInjector(options: store.options)
    }

    /// Bodies beyond this are refused with 413 without being buffered further.
    static let maximumBodySize = 16 * 1024 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let path = request.uri.path
        let bytes: [UInt8]
        do {
            let buffer = try await request.collectBody(upTo: Self.maximumBodySize)
            bytes = Array(buffer.readableBytesView)
        } catch {
            return Self.response(.error(PanelError(status: 413, code: "PostTooLargeException", detail: "The request body is too large.")))
        }
        if path.hasPrefix("/_sim/") {
            return Self.response(SimRoutes.handle(method: request.method.rawValue, path: path,
                                                  authorization: request.headers[.authorization], store: store))
        }
        if path.hasPrefix("/api/") {
            if let fault = await faults.apply() { return fault }
        }
        let incoming = IncomingRequest(
            method: request.method.rawValue, path: path, query: request.uri.query ?? "",
            authorization: request.headers[.authorization], contentType: request.headers[.contentType],
            body: bytes, baseURL: store.url,
            now: Clock.now())
        return Self.response(store.handle(incoming))
    }

    static func response(_ simulated: SimResponse) -> Response {
        var headers = HTTPFields()
        if let contentType = simulated.contentType { headers[.contentType] = contentType }
        for (name, value) in simulated.headers {
            if let field = HTTPFields.Element.Name(name) { headers.append(HTTPFields.Element(name: field, value: value)) }
        }
        headers[.contentLength] = String(simulated.body.count)
        let body = simulated.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: simulated.body))
        return Response(status: HTTPResponse.Status(code: simulated.status), headers: headers, body: body)
    }
}
