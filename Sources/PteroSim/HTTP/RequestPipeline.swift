import Foundation

/// The panel's middleware order for one request: route → authentication → JSON body →
/// IP allow-list → (some API-level checks) → throttle → per-resource access → handler.
/// Later failures carry the throttle headers and count against the limit, earlier ones
/// do not, as on the panel (`MiddlewareOrder` says which checks come before the throttle).
struct RequestPipeline {
    let store: PanelStore
    let request: IncomingRequest
    let parsedBody: ParsedBody
    var routeName = "unmatched"
    var apiName: String?
    /// A dialect's own per-API limits (Pelican: 256 and 256); nil takes the options' limits.
    var limits: (application: Int, client: Int)?
    /// Where the API-level checks sit around the throttle.
    var middleware = MiddlewareOrder.pterodactyl1
    /// Who the request authenticated as, once known (a dialect's rewrite of the answer needs it).
    private(set) var caller: Caller?

    init(store: PanelStore, request: IncomingRequest, parsedBody: ParsedBody) {
        self.store = store
        self.request = request
        self.parsedBody = parsedBody
    }

    mutating func run(_ state: inout PanelState) -> SimResponse {
        state.advance(now: request.now)
        var path = request.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if let signed = SignedRoutes.handle(request, path: path, state: &state) {
            routeName = "signed " + path
            return signed
        }
        let route: Route
        let parameters: [String: String]
        switch store.routes.lookup(method: request.method, path: path) {
        case .missing: return .error(.routeNotFound(path))
        case .wrongMethod(let allowed) where request.method == "OPTIONS": return .options(allowing: allowed)
        case .wrongMethod(let allowed): return .error(.methodNotAllowed(method: request.method, path: path, allowed: allowed))
        case .found(let found, let values): route = found; parameters = values
        }
        routeName = route.name
        let isApplication: Bool
        if case .application = route.api { isApplication = true } else { isApplication = false }
        apiName = isApplication ? "application" : "client"
        do {
            let caller = try authenticate(state, isApplication: isApplication)
            self.caller = caller
            state.apiKeys[caller.key.id]?.lastUsedAt = Int(request.now)
            // The sim listens on loopback only, so every caller is 127.0.0.1.
            let ip = "127.0.0.1"
            if !caller.key.allowedIps.isEmpty && !caller.key.allowedIps.contains(where: { IPAddress.range($0, contains: ip) }) {
                throw PanelError(status: 403, code: "AccessDeniedHttpException",
                                 detail: "This IP address (\(ip)) does not have permission to access the API using these credentials.")
            }
            let body = try parseBody(route)
            if middleware.adminCheckBeforeThrottle && isApplication && !caller.user.rootAdmin { throw PanelError.notAdmin }
            if !isApplication && caller.key.kind == .application { throw PanelError.applicationKeyOnClient }
            // The {server} binding (SubstituteClientBindings / SubstituteBindings) runs before the
            // throttle on both panels' client API: an unknown server is a 404 that is not counted.
            if case .clientServer = route.api, state.serverIdByIdentifier[parameters["server"] ?? ""] == nil { throw PanelError.notFound }
            var input = RouteInput(
                method: request.method, path: path, query: QueryParameters(request.query), parameters: parameters,
                rawBody: request.body, body: body, baseURL: request.baseURL, now: request.now, caller: caller,
                contentType: request.contentType)
            let throttle = throttleHeaders(&state, caller: caller, isApplication: isApplication)
            if let refusal = throttle.refusal { return refusal }
            var response: SimResponse
            do {
                if !middleware.adminCheckBeforeThrottle && isApplication && !caller.user.rootAdmin { throw PanelError.notAdmin }
                try authorize(route, &input, state: &state)
                response = try route.handler(input, &state)
            } catch let error as PanelError {
                response = .error(error)
            } catch {
                response = .error(.internalError)
            }
            // An inner throttle's own Limit and Remaining are overwritten by the API's on the way
            // out (Laravel's ThrottleRequests sets them on whatever the inner stack answered).
            if !throttle.headers.isEmpty {
                response.headers = response.headers.filter { $0.0 != "X-RateLimit-Limit" && $0.0 != "X-RateLimit-Remaining" }
            }
            response.headers += throttle.headers
            return response
        } catch let error as PanelError {
            return .error(error)
        } catch {
            return .error(.internalError)
        }
    }

    private func authenticate(_ state: PanelState, isApplication: Bool) throws -> Caller {
        guard let header = request.authorization, header.lowercased().hasPrefix("bearer ") else { throw PanelError.unauthenticated }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let (user, key) = state.user(withToken: token) else { throw PanelError.unauthenticated }
        return Caller(user: user, key: key)
    }

    /// The body parsed before the lock was taken (`ParsedBody`); `files/write` takes its body as text.
    private func parseBody(_ route: Route) throws -> JSONValue {
        guard !route.pattern.hasSuffix("/files/write") else { return .object([]) }
        switch parsedBody {
        case .none: return .object([])
        case .value(let value): return value
        case .malformed(let message): throw PanelError.malformedJSON(message)
        }
    }

    private func throttleHeaders(_ state: inout PanelState, caller: Caller, isApplication: Bool) -> (headers: [(String, String)], refusal: SimResponse?) {
        let limits = store.options.rateLimits
        guard limits.enabled else { return ([], nil) }
        let limit = isApplication ? self.limits?.application ?? limits.application : self.limits?.client ?? limits.client
        let bucket = (isApplication ? "application:" : "client:") + caller.user.uuid
        let decision = state.limiter.hit(bucket, limit: limit, windowSeconds: limits.windowSeconds, now: request.now)
        if decision.allowed { return (decision.headers, nil) }
        var refusal = SimResponse.error(PanelError(status: 429, code: "ThrottleRequestsException", detail: "Too Many Attempts."))
        refusal.headers = decision.headers
        return (decision.headers, refusal)
    }

    private func authorize(_ route: Route, _ input: inout RouteInput, state: inout PanelState) throws {
        switch route.api {
        case .application(let resource):
            let write = request.method != "GET"
            guard input.caller!.allows(resource, write: write) else { throw PanelError.unauthorized }
        case .client:
            break
        case .clientServer(let allowConflictStates):
            input.serverAccess = try ServerResolver.resolve(input, state: &state, allowConflictStates: allowConflictStates)
        }
    }
}

/// Where a panel's API-level middleware sits around its throttle, after Laravel's
/// `SortedMiddleware` has ordered the route's list by the kernel's priority map.
///
/// Pterodactyl 1.11 (app/Http/Kernel.php, app/Providers/RouteServiceProvider.php, Laravel
/// 10.1.4's priority map, which matches interfaces but not parent classes): the application
/// API's `throttle:api.application` is moved before `SubstituteBindings`, so a missing model
/// (404) and `AuthenticateApplicationUser`'s 403 are counted; on the client API the throttle
/// stays last of the group, after `SubstituteClientBindings` (a subclass, so not moved
/// around) and `RequireClientApiKey`. Pelican (bootstrap/app.php) sets the priority map to
/// `SubstituteBindings` alone, so nothing moves: both groups' checks come before the throttle.
struct MiddlewareOrder: Sendable {
    /// `AuthenticateApplicationUser` (not a root admin: 403) runs before the throttle.
    let adminCheckBeforeThrottle: Bool

    static let pterodactyl1 = MiddlewareOrder(adminCheckBeforeThrottle: false)
    static let pelican = MiddlewareOrder(adminCheckBeforeThrottle: true)
}
