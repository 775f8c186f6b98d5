/// The 46 routes of pterodactyl/panel v0.7.19: 41 in `routes/api-application.php`, 5 in
/// `routes/api-client.php`. Every other path is 404, as 0.7's router answers it. Routes whose
/// answers are the same as 1.x reuse the 1.x handlers (their attributes rewritten by
/// `Pterodactyl07Attributes`); the lists, `utilization`, `command` and `rebuild` are 0.7's own.
enum Pterodactyl07Routes {
    /// Application routes 1.x added: `nodes/deployable` (v1.2.2) and `nodes/{node}/configuration` (v1.0.0).
    static let notInApplication: Set<String> = [
        "GET /api/application/nodes/deployable", "GET /api/application/nodes/{node}/configuration",
    ]
    static let keptClientRoutes: Set<String> = [
        "GET /api/client", "GET /api/client/servers/{server}", "POST /api/client/servers/{server}/power",
    ]

    static var all: [Route] {
        let ownLists: [String: Route.Handler] = [
            "GET /api/application/users": Pterodactyl07Lists.users,
            "GET /api/application/nodes": Pterodactyl07Lists.nodes,
            "GET /api/application/locations": Pterodactyl07Lists.locations,
            "GET /api/application/servers": Pterodactyl07Lists.servers,
            "GET /api/application/nests": Pterodactyl07Lists.nests,
            "GET /api/application/nodes/{node}/allocations": Pterodactyl07Lists.allocations,
            "GET /api/client": Pterodactyl07Lists.clientServers,
        ]
        func adapted(_ route: Route) -> Route {
            guard let handler = ownLists[route.name] else { return route }
            return Route(route.method, route.pattern, route.api, handler)
        }
        var application = ApplicationRoutes.all.filter { !notInApplication.contains($0.name) }.map(adapted)
        // `POST servers/{server}/rebuild` (ServerManagementController@rebuild): 204, the container is rebuilt.
        application.append(Route("POST", ServerRoutes.base + "/{server}/rebuild", .application(.servers), Pterodactyl07Server.rebuild))
        let client = ClientRoutes.all.filter { keptClientRoutes.contains($0.name) }.map(adapted) + [
            ClientRoutes.onServer("GET", "/utilization", allowConflict: true, Pterodactyl07Server.utilization),
            ClientRoutes.onServer("POST", "/command", allowConflict: true, Pterodactyl07Server.command),
        ]
        return application + client
    }
}

/// The 0.7 server actions whose answers differ from 1.x.
enum Pterodactyl07Server {
    static func rebuild(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        guard state.servers[try input.id("server")] != nil else { throw PanelError.notFound }
        return .noContent
    }

    /// `CommandController@v0.7.19`: the daemon's 412 for a server that is not on becomes
    /// `PreconditionFailedHttpException` (1.x: 502). Rules `required|string|min:1`.
    static func command(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("control.console")
        try Validator.validate(input.body, [FieldRules("command", [.required, .string, .min(1)])])
        guard state.servers[input.serverId]?.power.phase == .running else {
            throw PanelError(status: 412, code: "PreconditionFailedHttpException", detail: "Server is not online.")
        }
        var files = state.fileSystem(input.serverId)
        let log = (try? files.read("/logs/latest.log")) ?? []
        let command = input.string("command") ?? ""
        try? files.write("/logs/latest.log", content: log + Array("> \(command)\n".utf8), now: input.nowSeconds)
        state.files[input.serverId] = files
        return .noContent
    }

    /// `StatsTransformer@v0.7.19`: `state` on|off|starting|stopping (the daemon's status
    /// 1/0/2/3), memory and disk in MiB, cpu with its per-core list, each with its limit.
    static func utilization(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        guard let server = state.servers[input.serverId] else { throw PanelError.notFound }
        let phase = server.power.phase
        let stateName = switch phase {
        case .running: "on"
        case .starting: "starting"
        case .stopping: "stopping"
        case .offline: "off"
        }
        let wobble = Double((input.nowSeconds / 5 + server.id * 7) % 20) / 100
        let memoryMiB = phase == .offline ? 0 : (Double(server.memory) * (phase == .running ? 0.45 + wobble : 0.1)).rounded()
        let cpu = phase == .offline ? 0 : (phase == .running ? (Double(server.cpu) * (0.08 + wobble / 2) * 1000).rounded() / 1000 : 35.5)
        let cores: [JSONValue] = phase == .offline ? [] : [.double(cpu / 2), .double(cpu - cpu / 2)]
        let diskBytes = state.fileSystem(server.id).totalBytes + 48_000_000 + server.id * 1_048_576
        return .json(Envelope.item("stats", [
            ("state", .string(stateName)),
            ("memory", .object([("current", .double(memoryMiB)), ("limit", .double(Double(server.memory)))])),
            ("cpu", .object([("current", .double(cpu)), ("cores", .array(cores)), ("limit", .double(Double(server.cpu)))])),
            ("disk", .object([("current", .double((Double(diskBytes) / 1_048_576).rounded())), ("limit", .double(Double(server.disk)))])),
        ]))
    }
}
