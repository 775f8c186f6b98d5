import Foundation

/// One request as pterodactyl/panel v0.7.19 answers it. The order is its middleware
/// order (`app/Http/Kernel.php@v0.7.19`, groups `api` and `client-api`): route (an unknown
/// path is 404 before anything else) → group throttle → key (`AuthenticateKey`) →
/// root admin (application only, `AuthenticateApplicationUser`) → allowed IPs
/// (`AuthenticateIPAccess`) → server access (client, `AuthenticateClientAccess`) →
/// route throttle (`utilization`: `throttle:15,1`) → the request's own `r_*` check → handler.
///
/// The group throttle runs before any user is known, so Laravel 5.7's ThrottleRequests keys
/// it on the route's domain and the IP: one bucket per IP that both APIs count into, each
/// comparing it against its own limit. The utilization throttle runs after the key, so it
/// counts per user. Every answer past the group throttle carries its headers, as the
/// middleware adds them to whatever the rest of the stack answered.
struct Pterodactyl07Pipeline {
    /// The limits in `app/Http/Kernel.php@v0.7.19` and `routes/api-client.php@v0.7.19`.
    static let applicationLimit = 120
    static let clientLimit = 60
    static let utilizationLimit = 15
    static let utilizationRoute = "GET /api/client/servers/{server}/utilization"

    let store: PanelStore
    let request: IncomingRequest
    let parsedBody: ParsedBody
    var routeName = "unmatched"
    var apiName: String?

    mutating func run(_ state: inout PanelState) -> SimResponse {
        state.advance(now: request.now)
        var path = request.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let route: Route
        let parameters: [String: String]
        switch store.routes.lookup(method: request.method, path: path) {
        case .missing: return Pterodactyl07Errors.response(.routeNotFound(path))
        case .wrongMethod(let allowed) where request.method == "OPTIONS": return .options(allowing: allowed)
        case .wrongMethod(let allowed):
            return Pterodactyl07Errors.response(.methodNotAllowed(method: request.method, path: path, allowed: allowed))
        case .found(let found, let values): route = found; parameters = values
        }
        routeName = route.name
        let isApplication: Bool
        if case .application = route.api { isApplication = true } else { isApplication = false }
        apiName = isApplication ? "application" : "client"
        // The sim listens on loopback only, so every caller is 127.0.0.1.
        let ip = "127.0.0.1"
        let group = throttle(&state, bucket: "ip:" + ip, limit: isApplication ? Self.applicationLimit : Self.clientLimit)
        var response = answer(&state, route: route, parameters: parameters, path: path, isApplication: isApplication, ip: ip)
        if let group {
            // The group throttle's own 429 has Retry-After and X-RateLimit-Reset; on the way
            // out it sets Limit and Remaining over whatever an inner throttle said.
            response.headers = response.headers.filter { $0.0 != "X-RateLimit-Limit" && $0.0 != "X-RateLimit-Remaining" }
            response.headers += group.headers.filter { $0.0 == "X-RateLimit-Limit" || $0.0 == "X-RateLimit-Remaining" }
            if !group.allowed {
                var refusal = Pterodactyl07Errors.response(PanelError(status: 429, code: "ThrottleRequestsException", detail: "Too Many Attempts."))
                refusal.headers = group.headers
                return refusal
            }
        }
        return response
    }

    /// Everything after the group throttle; nil from `throttle` means throttling is off.
    private mutating func answer(
        _ state: inout PanelState, route: Route, parameters: [String: String], path: String, isApplication: Bool, ip: String
    ) -> SimResponse {
        do {
            let caller = try authenticate(state, kind: isApplication ? .application : .client)
            state.apiKeys[caller.key.id]?.lastUsedAt = Int(request.now)
            if isApplication && !caller.user.rootAdmin { throw PanelError.notAdmin }
            if !caller.key.allowedIps.isEmpty && !caller.key.allowedIps.contains(where: { IPAddress.range($0, contains: ip) }) {
                throw PanelError(status: 403, code: "AccessDeniedHttpException",
                                 detail: "This IP address (\(ip)) does not have permission to access the API using these credentials.")
            }
            var input = RouteInput(
                method: request.method, path: path, query: QueryParameters(request.query), parameters: parameters,
                rawBody: request.body, body: body(route), baseURL: request.baseURL, now: request.now, caller: caller)
            switch route.api {
            case .application(let resource):
                guard caller.allows(resource, write: request.method != "GET") else { throw PanelError.unauthorized }
            case .client:
                break
            case .clientServer:
                // `{server}` is the 8-character uuidShort only (SubstituteClientApiBindings@v0.7.19).
                guard input.parameter("server").count == 8 else { throw PanelError.notFound }
                // 0.7 has no server state conflicts (409): they came with 1.0.
                input.serverAccess = try ServerResolver.resolve(input, state: &state, allowConflictStates: true)
            }
            if route.name == Self.utilizationRoute,
               let inner = throttle(&state, bucket: "user:" + caller.user.uuid, limit: Self.utilizationLimit), !inner.allowed {
                var refusal = Pterodactyl07Errors.response(PanelError(status: 429, code: "ThrottleRequestsException", detail: "Too Many Attempts."))
                refusal.headers = inner.headers
                return refusal
            }
            let response = try route.handler(input, &state)
            return Pterodactyl07Attributes.rewrite(response, api: route.api)
        } catch let error as PanelError {
            return Pterodactyl07Errors.response(error)
        } catch {
            return Pterodactyl07Errors.response(.internalError)
        }
    }

    /// `AuthenticateKey@v0.7.19`: no bearer 401 (`WWW-Authenticate: Bearer`); the first 16
    /// characters are the identifier, looked up together with the key type; an unknown
    /// identifier or a wrong rest is 403. A client key can never open the application API.
    private func authenticate(_ state: PanelState, kind: ApiKey.Kind) throws -> Caller {
        guard let header = request.authorization, header.lowercased().hasPrefix("bearer "),
              case let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), !token.isEmpty else {
            throw PanelError(status: 401, code: "HttpException", detail: "", headers: [("WWW-Authenticate", "Bearer")])
        }
        let denied = PanelError(status: 403, code: "AccessDeniedHttpException", detail: "")
        let identifier = String(token.prefix(16))
        guard let keyId = state.apiKeyIdByIdentifier[identifier], let key = state.apiKeys[keyId], key.kind == kind else { throw denied }
        // hash_equals on the decrypted token: the whole rest must match.
        guard key.secret == token.dropFirst(16), let user = state.users[key.userId] else { throw denied }
        return Caller(user: user, key: key)
    }

    /// The JSON body; Laravel reads a body that does not parse as no input at all.
    private func body(_ route: Route) -> JSONValue {
        if case .value(let value) = parsedBody { return value }
        return .object([])
    }

    /// One hit on a fixed window; nil when the sim's throttles are off.
    private func throttle(_ state: inout PanelState, bucket: String, limit: Int) -> RateLimiter.Decision? {
        let limits = store.options.rateLimits
        guard limits.enabled else { return nil }
        return state.limiter.hit(bucket, limit: limit, windowSeconds: limits.windowSeconds, now: request.now)
    }
}
