/// Pelican's per-server throttles on creating things (app/Enums/ResourceLimit.php, applied
/// in routes/api-client.php): counted by the server's uuid whoever asks, after the API's own
/// throttle and the server access check, before the request's permission and rules. Limits
/// and periods (in minutes) are config/http.php's defaults; a period is that many of the
/// sim's throttle windows, so `--rate-limit window=` shortens them too.
enum PelicanResourceLimits {
    struct Limit: Sendable {
        /// The enum case's name, part of the throttle key (`api.client:server-resource:NAME`).
        let name: String
        let requests: Int
        let periodMinutes: Int
    }

    static let byRoute: [String: Limit] = [
        "GET /api/client/servers/{server}/websocket": Limit(name: "Websocket", requests: 5, periodMinutes: 1),
        "POST /api/client/servers/{server}/databases": Limit(name: "DatabaseCreate", requests: 2, periodMinutes: 1),
        "POST /api/client/servers/{server}/files/pull": Limit(name: "FilePull", requests: 5, periodMinutes: 10),
        "POST /api/client/servers/{server}/schedules": Limit(name: "ScheduleCreate", requests: 2, periodMinutes: 1),
        "POST /api/client/servers/{server}/network/allocations": Limit(name: "AllocationCreate", requests: 2, periodMinutes: 1),
        "POST /api/client/servers/{server}/users": Limit(name: "SubuserCreate", requests: 10, periodMinutes: 15),
        "POST /api/client/servers/{server}/backups/{backup}/restore": Limit(name: "BackupRestore", requests: 3, periodMinutes: 15),
    ]

    /// `handler` behind the route's limit: a refusal is ThrottleRequests' 429 with its headers.
    static func limited(_ limit: Limit, _ handler: @escaping Route.Handler) -> Route.Handler {
        { input, state in
            if state.rateLimits.enabled, let server = state.servers[input.serverId] {
                let decision = state.limiter.hit(
                    "server-resource:\(limit.name):\(server.uuid)", limit: limit.requests,
                    windowSeconds: state.rateLimits.windowSeconds * Double(limit.periodMinutes), now: input.now)
                if !decision.allowed {
                    throw PanelError(status: 429, code: "ThrottleRequestsException", detail: "Too Many Attempts.", headers: decision.headers)
                }
            }
            return try handler(input, &state)
        }
    }
}
