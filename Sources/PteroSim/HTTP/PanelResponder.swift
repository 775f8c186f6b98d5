import Hummingbird
import NIOCore

/// Bridges Hummingbird to the store: collects the body, applies simulated latency and
/// faults, and turns a `SimResponse` into a `Response`. All panel logic is elsewhere.
struct PanelResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let store: PanelStore
    let faults: FaultInjector
    let console: ConsoleHub

    init(store: PanelStore, console: ConsoleHub) {
        self.store = store
        self.console = console
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
                                                  authorization: request.headers[.authorization], body: bytes, store: store, console: console))
        }
        // A console socket path that was not upgraded: refused (as Wings answers) or not a websocket request.
        if ConsoleHub.serverUuid(inPath: path) != nil {
            if let refusal = console.refusal(path: path, origin: request.headers[values: .origin].first) {
                var response = SimResponse(status: refusal.status, body: Array(refusal.body.utf8), contentType: refusal.contentType)
                response.headers = refusal.headers
                // A refused upgrade (RefusedUpgradeAsRequest) closes its connection: say so, or a
                // client's pool would send its next request down a closed socket.
                if request.headers[.connection] == "close" { response.headers.append(("Connection", "close")) }
                return Self.response(response)
            }
            return Self.response(SimResponse(status: 400, body: Array("Bad Request\n".utf8), contentType: "text/plain; charset=utf-8"))
        }
        var fate = FaultInjector.Fate.answered
        if path.hasPrefix("/api/") {
            fate = await faults.apply()
            if case .failedBefore(let failure) = fate { return failure }
        }
        let incoming = IncomingRequest(
            method: request.method.rawValue, path: path, query: request.uri.query ?? "",
            authorization: request.headers[.authorization], contentType: request.headers[.contentType],
            body: bytes, baseURL: store.url,
            now: store.options.clock.now())
        let answer = store.handle(incoming)
        // What the request changed (a power signal, a backup, a deletion) reaches the consoles now.
        console.tick()
        if case .lostAfter(let gatewayTimeout) = fate { return gatewayTimeout ? FaultInjector.gatewayTimeout : FaultInjector.dropped }
        return Self.response(answer)
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
