import Foundation

/// The sim's own endpoints (`/_sim/stats`, `/_sim/reset`, `/_sim/clock`), outside both panel APIs.
///
/// Both want the sim's application key as a Bearer token, as the application API does:
/// without it any web page the user visits could reset the data with a cross-site POST
/// (a browser sends no `Authorization` header cross-site without the CORS preflight the
/// sim never grants).
enum SimRoutes {
    static func handle(method: String, path: String, authorization: String?, body: [UInt8], store: PanelStore, console: ConsoleHub) -> SimResponse {
        guard isApplicationKey(authorization, store: store) else { return .error(.unauthenticated) }
        switch (method, path) {
        case ("GET", "/_sim/stats"):
            return .json(store.withState { $0.stats.json })
        case ("POST", "/_sim/reset"):
            store.reset()
            return .noContent
        case ("POST", "/_sim/clock"):
            return moveClock(body: body, store: store, console: console)
        default:
            return .error(.routeNotFound(path))
        }
    }

    /// `{"advance": SECONDS}` moves the sim's clock; timed changes and the consoles' timers
    /// (stats, chatter, token expiry) happen at once. Answers `{"now": UNIX_SECONDS}`.
    private static func moveClock(body: [UInt8], store: PanelStore, console: ConsoleHub) -> SimResponse {
        let invalid = PanelError(status: 422, code: "ValidationException", detail: "Send {\"advance\": SECONDS} with 0 <= SECONDS <= \(Int(SimClock.maximumAdvanceSeconds)).")
        guard let value = try? JSONParser.parse(body), let advance = value["advance"] else { return .error(invalid) }
        let seconds: Double
        switch advance {
        case .int(let whole): seconds = Double(whole)
        case .double(let fraction): seconds = fraction
        default: return .error(invalid)
        }
        do {
            try store.options.clock.advance(by: seconds)
        } catch {
            return .error(invalid)
        }
        console.tick()
        return .json(.object([("now", .double(store.options.clock.now()))]))
    }

    /// Whether the header is `Bearer <the sim's application key>`, compared in time that does not depend on where it differs.
    private static func isApplicationKey(_ header: String?, store: PanelStore) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        let given = Array(header.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8)
        let expected = Array(store.applicationKey.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
