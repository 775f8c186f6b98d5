/// Client server basics: details, websocket token, live resources, activity, console
/// commands and power signals.
enum ServerCoreRoutes {
    static var routes: [Route] {
        [
            ClientRoutes.onServer("GET", "", allowConflict: true, view),
            ClientRoutes.onServer("GET", "/websocket", allowConflict: true, websocket),
            ClientRoutes.onServer("GET", "/resources", resources),
            ClientRoutes.onServer("GET", "/activity", activity),
            ClientRoutes.onServer("POST", "/command", command),
            ClientRoutes.onServer("POST", "/power", power),
        ]
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = state.servers[input.serverId]!
        let json = input.clientTransformer.server(server, in: state, access: input.access)
        return .json(Envelope.withMeta(json, [
            ("is_server_owner", .bool(input.access.isOwner)),
            ("user_permissions", .array(input.access.userPermissions.map { .string($0) })),
        ]))
    }

    static func websocket(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = state.servers[input.serverId]!
        if server.status == "suspended" || state.nodes[server.nodeId]?.maintenanceMode == true || !input.user.rootAdmin {
            try ServerResolver.checkState(server, state: state)
        }
        guard input.access.can("websocket.connect") else {
            throw PanelError.forbidden("You do not have permission to connect to this server's websocket.")
        }
        // Client/Servers/WebsocketController.php: ten minutes, the server and the user's permissions.
        let token = NodeToken(scope: .websocket, lifetimeSeconds: 600, claims: [
            ("server_uuid", .string(server.uuid)),
            ("permissions", .array(input.access.userPermissions.map { .string($0) })),
        ]).signed(for: input.user, server: server, in: &state, baseURL: input.baseURL, now: input.nowSeconds)
        // There is no separate node: the socket is on the sim's own listener (ws, as the sim is http).
        let socketBase = input.baseURL.hasPrefix("https://") ? "wss://" + input.baseURL.dropFirst(8) : "ws://" + input.baseURL.dropFirst(7)
        return .json(.object([("data", .object([
            ("token", .string(token)),
            ("socket", .string("\(socketBase)/api/servers/\(server.uuid)/ws")),
        ]))]))
    }

    static func resources(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = state.servers[input.serverId]!
        let disk = state.fileSystem(server.id).totalBytes + 48_000_000 + server.id * 1_048_576
        let phase = server.power.phase
        let running = phase == .running
        let uptime = running ? Int((input.now - (server.power.runningSince ?? input.now)) * 1000) : 0
        let wobble = Double((input.nowSeconds / 5 + server.id * 7) % 20) / 100
        let memory = phase == .offline ? 0 : Int(Double(server.memory) * 1_048_576 * (phase == .running ? 0.45 + wobble : 0.1))
        let cpu = phase == .offline ? 0 : (running ? (Double(server.cpu) * (0.08 + wobble / 2) * 1000).rounded() / 1000 : 35.5)
        return .json(Envelope.item("stats", [
            ("current_state", .string(phase.rawValue)),
            ("is_suspended", .bool(server.status == "suspended")),
            ("resources", .object([
                ("memory_bytes", .int(memory)),
                ("cpu_absolute", .double(cpu)),
                ("disk_bytes", .int(disk)),
                ("network_rx_bytes", .int(running ? uptime / 10 * 3 : 0)),
                ("network_tx_bytes", .int(running ? uptime / 10 * 2 : 0)),
                ("uptime", .int(uptime)),
            ])),
        ]))
    }

    static func activity(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("activity.read")
        let logs = state.sortedValues(state.activity)
            .filter { $0.serverId == input.serverId && $0.event != "server:file.upload" }
            .sorted { ($0.timestamp, $0.id) > ($1.timestamp, $1.id) }
        return try AccountRoutes.render(activity: logs, input: input, state: state)
    }

    static func command(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("control.console")
        try Validator.validate(input.body, [FieldRules("command", [.required, .string, .min(1)])])
        // Wings refuses only when the container is not running (router/router_server.go
        // postServerCommands: `Environment.IsRunning`, docker's State.Running), so a server
        // that is starting or stopping takes commands; the panel turns Wings' 502 into this
        // (app/Http/Controllers/Api/Client/Servers/CommandController.php).
        guard let phase = state.servers[input.serverId]?.power.phase, phase != .offline else {
            throw PanelError(status: 502, code: "HttpException", detail: "Server must be online in order to send commands.")
        }
        let command = input.string("command")!
        // The game writes its answer to its log as to its console (the egg's
        // `logs/latest.log`): a client without the socket polls the file for it.
        let answer = EggConsole.answer(command, autosave: true).lines
        var files = state.fileSystem(input.serverId)
        let log = (try? files.read("/logs/latest.log")) ?? []
        let written = (["> \(command)"] + answer).map { $0 + "\n" }.joined()
        try? files.write("/logs/latest.log", content: log + Array(written.utf8), now: input.nowSeconds)
        state.files[input.serverId] = files
        if let server = state.servers[input.serverId] { state.stats.consoleCommands[server.identifier, default: 0] += 1 }
        state.log("server:console.command", input: input, serverId: input.serverId, properties: [("command", .string(input.string("command")!))])
        return .noContent
    }

    static func power(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let signal = Validator.lookup("signal", in: input.body).flatMap(RuleEvaluator.scalarText)
        let permission = switch signal {
        case "start": "control.start"
        case "stop", "kill": "control.stop"
        case "restart": "control.restart"
        default: "control.invalid-signal"
        }
        try input.access.require(permission)
        try Validator.validate(input.body, [FieldRules("signal", [.required, .string, .in(["start", "stop", "restart", "kill"])])])
        state.power(input.serverId, signal: signal!, now: input.now)
        state.log("server:power.\(signal!)", input: input, serverId: input.serverId)
        return .noContent
    }
}
