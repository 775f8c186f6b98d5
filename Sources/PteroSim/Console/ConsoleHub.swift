import Foundation
import Synchronization

/// The simulated node's consoles: one per server that has a socket open, fed by the
/// sim's state. `tick()` (after every API request, on `POST /_sim/clock`, and by a
/// real-time ticker when the clock is the system's) compares what each watched server
/// is now with what its sockets last saw and sends the events Wings would.
///
/// Lock order: the hub's lock, then the store's (inside it); nothing that holds the
/// store's lock calls the hub, so the two cannot deadlock.
final class ConsoleHub: Sendable {
    let store: PanelStore
    let options: ConsoleOptions
    let clock: SimClock
    private let state: Mutex<HubState>

    /// Lines kept per console and sent for `send logs` (Wings' `websocket_log_count`, 150).
    static let logLines = 150
    /// Open sockets a server (Pelican's Wings: 30; Pterodactyl's has none, the sim keeps 100).
    var maximumSockets: Int { options.flavor == .pelican ? 30 : 100 }
    /// Largest inbound frame (Pelican: `SetReadLimit(4096)`; the sim's own bound otherwise).
    var maximumFrameSize: Int { options.flavor == .pelican ? 4096 : 16_384 }
    /// Frames buffered for one socket before the oldest are dropped (a slow reader).
    static let outboundBuffer = 1024
    /// Chatter lines one tick may emit at most (a clock moved by an hour sends no flood).
    static let maximumChatterPerTick = 150

    init(store: PanelStore) {
        self.store = store
        options = store.options.console
        clock = store.options.clock
        state = Mutex(HubState())
    }

    /// What goes out on one socket.
    enum Outbound: Sendable {
        case text(String)
        case close(code: UInt16, reason: String)
    }

    // MARK: Admission

    /// Why an upgrade to `/api/servers/{uuid}/ws` is refused: a status and body as Wings answers.
    struct Refusal: Sendable {
        let status: Int
        let body: String
        let contentType: String
        var headers: [(String, String)] = []
    }

    /// The server uuid in a socket path, or nil when the path is not one.
    static func serverUuid(inPath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "api", parts[2] == "servers", parts[4] == "ws", !parts[3].isEmpty else { return nil }
        return String(parts[3])
    }

    /// nil when a socket for `path` from `origin` may open (Wings' ServerExists middleware,
    /// the socket count, then the upgrader's CheckOrigin).
    func refusal(path: String, origin: String?) -> Refusal? {
        guard let uuid = Self.serverUuid(inPath: path) else { return nil }
        // wings router/middleware: ServerExists matches the uuid only.
        let exists = store.withState { state in state.serverIdByIdentifier[uuid].flatMap { state.servers[$0] }?.uuid == uuid }
        guard exists else {
            return Refusal(status: 404, body: #"{"error":"The requested resource does not exist on this instance."}"#, contentType: "application/json")
        }
        let open = state.withLock { state in state.connections.values.filter { $0.serverUuid == uuid }.count }
        if open >= maximumSockets {
            return Refusal(status: 400, body: #"{"error":"Too many open websocket connections."}"#, contentType: "application/json")
        }
        // router/websocket/websocket.go GetHandler: the panel's URL, or allowed_origins ("*" any).
        let accepted = origin == store.url || options.allowedOrigins.contains { $0 == "*" || $0 == origin }
        // gorilla/websocket's Upgrader.returnError: http.Error's text and Sec-Websocket-Version.
        guard accepted else {
            return Refusal(status: 403, body: "Forbidden\n", contentType: "text/plain; charset=utf-8", headers: [("Sec-Websocket-Version", "13")])
        }
        return nil
    }

    // MARK: Connections

    /// Registers a socket for `serverUuid`; nil when the server has as many as it may.
    func connect(serverUuid: String, outbound: AsyncStream<Outbound>.Continuation) -> Int? {
        let now = clock.now()
        return state.withLock { hub -> Int? in
            guard hub.connections.values.filter({ $0.serverUuid == serverUuid }).count < maximumSockets else { return nil }
            let id = hub.nextConnectionId
            hub.nextConnectionId += 1
            hub.connections[id] = Connection(serverUuid: serverUuid, outbound: outbound, limiter: PelicanLimiter(now: now))
            let open = hub.connections.count
            store.withState { $0.stats.recordSocket(openNow: open) }
            watch(serverUuid, &hub, now: now)
            // Pelican closes a suspended server's socket at once (router_server_ws.go: 4409).
            if options.flavor == .pelican && isSuspended(serverUuid) {
                outbound.yield(.close(code: 4409, reason: "server is suspended"))
            }
            return id
        }
    }

    func disconnect(_ id: Int) {
        state.withLock { hub in
            guard let connection = hub.connections.removeValue(forKey: id) else { return }
            connection.outbound.finish()
            if !hub.connections.values.contains(where: { $0.serverUuid == connection.serverUuid }) {
                hub.consoles[connection.serverUuid] = nil
            }
        }
    }

    /// Open sockets of a server, for tests and `/_sim/stats`.
    func openSockets(serverUuid: String) -> Int {
        state.withLock { $0.connections.values.filter { $0.serverUuid == serverUuid }.count }
    }

    private func isSuspended(_ uuid: String) -> Bool {
        store.withState { state in state.serverIdByIdentifier[uuid].flatMap { state.servers[$0] }?.status == "suspended" }
    }

    /// Starts following a server's state (first socket), remembering what is already so.
    private func watch(_ uuid: String, _ hub: inout HubState, now: Double) {
        guard hub.consoles[uuid] == nil, let snapshot = store.withState({ state -> ServerSnapshot? in
            state.advance(now: now)
            return ServerSnapshot(uuid: uuid, state: state, now: now)
        }) else { return }
        hub.consoles[uuid] = ServerConsole(snapshot: snapshot, now: now)
    }

    // MARK: Inbound

    /// One text frame from a socket (router_server_ws.go's read loop and Handler.HandleInbound).
    func receive(_ id: Int, text: String) {
        let now = clock.now()
        state.withLock { hub in
            guard var connection = hub.connections[id] else { return }
            defer { if hub.connections[id] != nil { hub.connections[id]?.limiter = connection.limiter } }
            if options.flavor == .pelican {
                let global = connection.limiter.check("global", now: now)
                if global.refused {
                    if global.notify { connection.send("throttled", ["global"]) }
                    return
                }
                guard text.utf8.count <= 32_768 else { return }
            }
            // Wings unmarshals into {event string, args []string}; anything else is dropped.
            guard let message = try? JSONParser.parse(Array(text.utf8)), let event = message["event"]?.stringValue else { return }
            var args: [String] = []
            if let list = message["args"], !list.isNull {
                guard let items = list.arrayValue else { return }
                for item in items {
                    guard let string = item.stringValue else { return }
                    args.append(string)
                }
            }
            if options.flavor == .pelican {
                // HandleInbound: ErrSuspended cancels the socket's context, which closes it.
                if isSuspended(connection.serverUuid) {
                    connection.outbound.yield(.close(code: 4409, reason: "server is suspended"))
                    return
                }
                let limited = connection.limiter.check(event, now: now)
                if limited.refused {
                    if limited.notify { connection.send("throttled", [event]) }
                    return
                }
            }
            hub.connections[id]?.limiter = connection.limiter
            handle(event: event, argument: args.joined(), id: id, hub: &hub, now: now)
            if let limiter = hub.connections[id]?.limiter { connection.limiter = limiter }
        }
    }

    private func handle(event: String, argument: String, id: Int, hub: inout HubState, now: Double) {
        guard var connection = hub.connections[id] else { return }
        let requireScope = options.flavor == .pelican
        if event != "auth" {
            guard let token = connection.token else {
                connection.send("jwt error", ["jwt: no jwt present"])
                return
            }
            if let failure = token.check(serverUuid: connection.serverUuid, now: now, requireScope: requireScope) {
                connection.send("jwt error", [failure.message])
                return
            }
        }
        let uuid = connection.serverUuid
        switch event {
        case "auth":
            let key = store.withState { state in
                state.serverIdByIdentifier[uuid].flatMap { state.servers[$0] }.flatMap { state.nodes[$0.nodeId]?.daemonToken }
            }
            let token: ConsoleToken
            do {
                token = try ConsoleToken.verify(argument, key: key ?? "", now: now, requireScope: requireScope)
            } catch {
                sendError(error.isJWTError ? error.message : nil, jwt: error.isJWTError, connection: connection)
                return
            }
            let first = connection.token == nil
            connection.token = token
            connection.send("auth success", nil)
            if first {
                // registerListenerEvents: server events and the 30-second expiry check.
                connection.listening = true
                connection.nextExpiryCheckAt = now + 30
                if let console = hub.consoles[uuid] {
                    deliver("status", [console.phase.rawValue], to: connection, now: now)
                    if console.phase == .offline && console.status != "installing", let stats = statsPayload(uuid, now: now) {
                        deliver("stats", [stats], to: connection, now: now)
                    }
                }
            }
            hub.connections[id] = connection
        case "set state":
            setState(argument, connection: connection, hub: &hub, now: now)
        case "send logs":
            guard let console = hub.consoles[uuid], console.phase != .offline else { return }
            for line in console.lines { deliver("console output", [line], to: connection, now: now) }
        case "send stats":
            if let stats = statsPayload(uuid, now: now) { deliver("stats", [stats], to: connection, now: now) }
        case "send command":
            guard connection.token?.has("control.console") == true, var console = hub.consoles[uuid], console.phase != .offline else { return }
            let answer = EggConsole.answer(argument, autosave: console.autosave)
            console.autosave = answer.autosave
            hub.consoles[uuid] = console
            store.withState { state in
                if let server = state.serverIdByIdentifier[uuid].flatMap({ state.servers[$0] }) {
                    state.stats.consoleCommands[server.identifier, default: 0] += 1
                }
            }
            for line in answer.lines { broadcastOutput(line, server: uuid, hub: &hub, now: now) }
        default:
            break
        }
    }

    /// Wings' SendErrorJson: a jwt error carries its text; others a generic one unless the
    /// token holds `admin.websocket.errors`. Both wear an "Error Event [uuid]: " prefix.
    private func sendError(_ message: String?, jwt: Bool, connection: Connection, detail: String? = nil) {
        var text = "an unexpected error was encountered while handling this request"
        if jwt, let message { text = message }
        else if let detail, connection.token?.has("admin.websocket.errors") == true { text = detail }
        let reference = UUID().uuidString.lowercased()
        connection.send(jwt ? "jwt error" : "daemon error", ["Error Event [\(reference)]: \(text)"])
    }

    /// `set state` (Handler.HandleInbound and server.HandlePowerAction).
    private func setState(_ action: String, connection: Connection, hub: inout HubState, now: Double) {
        let permission = ["start": "control.start", "stop": "control.stop", "restart": "control.restart", "kill": "control.stop"][action]
        if let permission, connection.token?.has(permission) != true { return }
        let uuid = connection.serverUuid
        let failure: String? = store.withState { state -> String? in
            state.advance(now: now)
            guard let serverId = state.serverIdByIdentifier[uuid], let server = state.servers[serverId] else { return "server does not exist" }
            if server.status == "restoring_backup" { return "server is currently being restored" }
            if server.status == "installing" { return "server is currently installing" }
            guard permission != nil else { return "attempting to handle unknown power action" }
            if action == "start" && server.power.phase != .offline { return "server is running" }
            if (action == "start" || action == "restart") && server.status == "suspended" { return "server is currently in a suspended state" }
            state.power(serverId, signal: action, now: now)
            return nil
        }
        if let failure {
            sendError(nil, jwt: false, connection: connection, detail: failure)
            return
        }
        if action == "start" || action == "restart" {
            // server.onBeforeStart's daemon lines, before the container starts.
            broadcastDaemon("Checking server disk space usage, this could take a few seconds...", server: uuid, hub: &hub, now: now)
            broadcastDaemon("Updating process configuration files...", server: uuid, hub: &hub, now: now)
        }
        update(&hub, now: now)
    }

    // MARK: Ticks

    /// Resolves the sim's timed changes at the clock's now and sends what they mean.
    func tick() {
        let now = clock.now()
        state.withLock { hub in update(&hub, now: now) }
    }

    private func update(_ hub: inout HubState, now: Double) {
        guard !hub.consoles.isEmpty else { return }
        let uuids = Array(hub.consoles.keys).sorted()
        let snapshots = store.withState { state -> [String: ServerSnapshot] in
            state.advance(now: now)
            var found: [String: ServerSnapshot] = [:]
            for uuid in uuids { found[uuid] = ServerSnapshot(uuid: uuid, state: state, now: now) }
            return found
        }
        for uuid in uuids {
            guard let before = hub.consoles[uuid] else { continue }
            guard let after = snapshots[uuid] else {
                deleted(uuid, hub: &hub)
                continue
            }
            changes(uuid, from: before, to: after, hub: &hub, now: now)
        }
        expiryChecks(&hub, now: now)
    }

    /// The server is gone: `deleted` (args `["null"]`: Publish(DeletedEvent, nil)), then a
    /// going-away close "server deleted" (wings v1.11.11 router/router_server.go, router_server_ws.go).
    private func deleted(_ uuid: String, hub: inout HubState) {
        for connection in hub.connections.values where connection.serverUuid == uuid {
            if connection.listening { deliver("deleted", ["null"], to: connection, now: clock.now()) }
            connection.outbound.yield(.close(code: 1001, reason: "server deleted"))
        }
        hub.consoles[uuid] = nil
    }

    private func changes(_ uuid: String, from before: ServerConsole, to after: ServerSnapshot, hub: inout HubState, now: Double) {
        var console = before
        // Installs (server/install.go): started, daemon lines, output, completed.
        if before.status != "installing" && after.status == "installing" {
            broadcast("install started", [""], server: uuid, hub: &hub, now: now)
            broadcastDaemon("Starting installation process, this could take a few minutes...", server: uuid, hub: &hub, now: now)
            for line in ["Installing the server files for \(after.name)", "Downloading server.jar", "Install complete"] {
                broadcast("install output", [line], server: uuid, hub: &hub, now: now)
            }
        }
        if before.status == "installing" && after.status != "installing" {
            broadcastDaemon("Installation process completed.", server: uuid, hub: &hub, now: now)
            broadcast("install completed", [""], server: uuid, hub: &hub, now: now)
        }
        // A restore (router/router_server_backup.go) ends with a daemon line and its event.
        if before.status == "restoring_backup" && after.status != "restoring_backup" {
            broadcastDaemon("Completed server restoration from local backup.", server: uuid, hub: &hub, now: now)
            broadcast("backup restore completed", [""], server: uuid, hub: &hub, now: now)
        }
        // server/backup.go publishes "backup completed:<uuid>"; events.Bus.Publish cuts the
        // topic at ":", so the socket sees "backup completed" with the uuid in the payload.
        for backup in after.completedBackups where !before.completedBackups.contains(backup.uuid) {
            let payload = JSONSerializer.serialize(.object([
                ("uuid", .string(backup.uuid)), ("is_successful", .bool(backup.successful)),
                ("checksum", .string(backup.checksum)), ("checksum_type", .string("sha1")), ("file_size", .int(backup.bytes)),
            ]))
            broadcast("backup completed", [String(decoding: payload, as: UTF8.self)], server: uuid, hub: &hub, now: now)
        }
        // Pelican's Wings closes the sockets of a server that gets suspended (router_server_ws.go).
        if options.flavor == .pelican && before.status != "suspended" && after.status == "suspended" {
            for connection in hub.connections.values where connection.serverUuid == uuid {
                connection.outbound.yield(.close(code: 4409, reason: "server is suspended"))
            }
        }
        console.completedBackups = Set(after.completedBackups.map(\.uuid))
        console.status = after.status
        hub.consoles[uuid]?.status = after.status
        hub.consoles[uuid]?.completedBackups = console.completedBackups
        phaseChange(uuid, from: before.phase, to: after.phase, restarted: after.restarted(since: before), hub: &hub, now: now)
        guard var current = hub.consoles[uuid] else { return }
        current.phase = after.phase
        current.runningSince = after.runningSince
        hub.consoles[uuid] = current
        periodic(uuid, phase: after.phase, hub: &hub, now: now)
    }

    /// Status events with the game's lines (server.OnStateChange publishes `status` on each
    /// change and zeroed `stats` on offline).
    private func phaseChange(_ uuid: String, from old: PowerState.Phase, to new: PowerState.Phase, restarted: Bool, hub: inout HubState, now: Double) {
        var path: [PowerState.Phase] = []
        if old != new || restarted {
            switch (old, new) {
            case (.running, .starting): path = [.stopping, .offline, .starting]
            case (.stopping, .starting): path = [.offline, .starting]
            case (.offline, .running): path = [.starting, .running]
            case (.running, .running): path = [.stopping, .offline, .starting, .running]
            default: path = [new]
            }
        }
        let name = store.withState { state in state.serverIdByIdentifier[uuid].flatMap { state.servers[$0]?.name } } ?? uuid
        for phase in path {
            broadcast("status", [phase.rawValue], server: uuid, hub: &hub, now: now)
            hub.consoles[uuid]?.phase = phase
            switch phase {
            case .starting:
                for line in EggConsole.bootLines(serverName: name) { broadcastOutput(line, server: uuid, hub: &hub, now: now) }
                hub.consoles[uuid]?.nextStatsAt = now + options.statsIntervalSeconds
            case .running:
                broadcastOutput(EggConsole.doneLine, server: uuid, hub: &hub, now: now)
                hub.consoles[uuid]?.chatterSince = now
            case .stopping:
                for line in EggConsole.stopLines { broadcastOutput(line, server: uuid, hub: &hub, now: now) }
            case .offline:
                if let stats = statsPayload(uuid, now: now, phase: .offline) { broadcast("stats", [stats], server: uuid, hub: &hub, now: now) }
            }
        }
    }

    /// Stats while the process runs, and the chatter lines `--console-rate` asks for.
    private func periodic(_ uuid: String, phase: PowerState.Phase, hub: inout HubState, now: Double) {
        guard var console = hub.consoles[uuid], phase != .offline else { return }
        if options.statsIntervalSeconds > 0 && now >= console.nextStatsAt {
            // Coalesced: a clock moved by an hour sends one stats event, not 3,600.
            console.nextStatsAt = now + options.statsIntervalSeconds
            hub.consoles[uuid] = console
            if let stats = statsPayload(uuid, now: now) { broadcast("stats", [stats], server: uuid, hub: &hub, now: now) }
        }
        guard phase == .running, options.chatterLinesPerSecond > 0, var current = hub.consoles[uuid] else { return }
        let rate = min(options.chatterLinesPerSecond, ConsoleOptions.maximumChatterRate)
        let due = Int(((now - current.chatterSince) * rate).rounded(.down))
        guard due > 0 else { return }
        current.chatterSince += Double(due) / rate
        let lines = min(due, Self.maximumChatterPerTick)
        let first = current.chatterCount + 1
        current.chatterCount += lines
        hub.consoles[uuid] = current
        for number in first..<(first + lines) { broadcastOutput(EggConsole.chatter(number), server: uuid, hub: &hub, now: now) }
    }

    /// Every 30 s after the first auth: `token expiring` with 60 s or less left; after
    /// expiry Wings' `token expired` turns into `jwt error` (SendJson checks the token first).
    private func expiryChecks(_ hub: inout HubState, now: Double) {
        for (id, var connection) in hub.connections where connection.listening {
            guard let token = connection.token, now >= connection.nextExpiryCheckAt else { continue }
            // One check per tick: a moved clock does not replay every 30-second tick it skipped.
            connection.nextExpiryCheckAt = now + 30
            if let expiresAt = token.expiresAt {
                if expiresAt - now <= 0 {
                    deliver("token expired", nil, to: connection, now: now)
                } else if expiresAt - now <= 60 {
                    deliver("token expiring", nil, to: connection, now: now)
                }
            }
            hub.connections[id] = connection
        }
    }

    // MARK: Sending

    private func broadcastDaemon(_ text: String, server uuid: String, hub: inout HubState, now: Double) {
        // server/console.go PublishConsoleOutputFromDaemon, colorstring's yellow/bold/default and reset.
        let name = options.flavor == .pelican ? "Pelican" : "Pterodactyl"
        broadcastOutput("\u{1B}[33m\u{1B}[1m[\(name) Daemon]:\u{1B}[39m \(text)\u{1B}[0m", server: uuid, hub: &hub, now: now)
    }

    /// A line the console printed: kept for `send logs`, sent to every listening socket.
    private func broadcastOutput(_ line: String, server uuid: String, hub: inout HubState, now: Double) {
        hub.consoles[uuid]?.append(line)
        broadcast("console output", [line], server: uuid, hub: &hub, now: now)
    }

    private func broadcast(_ event: String, _ args: [String]?, server uuid: String, hub: inout HubState, now: Double) {
        for connection in hub.connections.values where connection.serverUuid == uuid && connection.listening {
            deliver(event, args, to: connection, now: now)
        }
    }

    /// Handler.SendJson: an invalid token turns any event into `jwt error`; install output,
    /// backup and transfer events need their permissions.
    private func deliver(_ event: String, _ args: [String]?, to connection: Connection, now: Double) {
        guard let token = connection.token else { return }
        if let failure = token.check(serverUuid: connection.serverUuid, now: now, requireScope: options.flavor == .pelican) {
            connection.send("jwt error", [failure.message])
            return
        }
        if event == "install output" && !token.has("admin.websocket.install") { return }
        if event.hasPrefix("backup completed") && !token.has("backup.read") { return }
        if event == "transfer logs" && !token.has("admin.websocket.transfer") { return }
        connection.send(event, args)
    }

    /// The stats payload in Wings' field order (server/resources.go ResourceUsage, environment/stats.go).
    private func statsPayload(_ uuid: String, now: Double, phase override: PowerState.Phase? = nil) -> String? {
        store.withState { state -> String? in
            guard let serverId = state.serverIdByIdentifier[uuid], let server = state.servers[serverId] else { return nil }
            let phase = override ?? server.power.phase
            let disk = state.fileSystem(serverId).totalBytes + 48_000_000 + server.id * 1_048_576
            let running = phase == .running
            let uptime = running ? max(0, Int((now - (server.power.runningSince ?? now)) * 1000)) : 0
            let wobble = Double((Int(now) / 5 + server.id * 7) % 20) / 100
            let memory = phase == .offline ? 0 : Int(Double(server.memory) * 1_048_576 * (running ? 0.45 + wobble : 0.1))
            let cpu = phase == .offline ? 0 : (running ? (Double(server.cpu) * (0.08 + wobble / 2) * 1000).rounded() / 1000 : 35.5)
            let json: JSONValue = .object([
                ("memory_bytes", .int(memory)),
                ("memory_limit_bytes", .int(server.memory * 1_048_576)),
                ("cpu_absolute", .double(cpu)),
                ("network", .object([("rx_bytes", .int(running ? uptime / 10 * 3 : 0)), ("tx_bytes", .int(running ? uptime / 10 * 2 : 0))])),
                ("uptime", .int(uptime)),
                ("state", .string(phase.rawValue)),
                ("disk_bytes", .int(disk)),
            ])
            return String(decoding: JSONSerializer.serialize(json), as: UTF8.self)
        }
    }
}

/// The hub's tables, behind its one lock.
struct HubState: Sendable {
    var consoles: [String: ServerConsole] = [:]
    var connections: [Int: Connection] = [:]
    var nextConnectionId = 1
}

/// One open socket.
struct Connection: Sendable {
    let serverUuid: String
    let outbound: AsyncStream<ConsoleHub.Outbound>.Continuation
    var token: ConsoleToken?
    /// Whether server events reach it (after the first successful `auth`).
    var listening = false
    var nextExpiryCheckAt: Double = .infinity
    var limiter: PelicanLimiter

    init(serverUuid: String, outbound: AsyncStream<ConsoleHub.Outbound>.Continuation, limiter: PelicanLimiter) {
        self.serverUuid = serverUuid
        self.outbound = outbound
        self.limiter = limiter
    }

    /// Writes `{"event": ..., "args": [...]}` (args left out when nil, as Go's omitempty).
    func send(_ event: String, _ args: [String]?) {
        var pairs: [(String, JSONValue)] = [("event", .string(event))]
        if let args, !args.isEmpty { pairs.append(("args", .array(args.map { .string($0) }))) }
        outbound.yield(.text(String(decoding: JSONSerializer.serialize(.object(pairs)), as: UTF8.self)))
    }
}

/// What a server's sockets last saw of it.
struct ServerConsole: Sendable {
    var phase: PowerState.Phase
    var status: String?
    var runningSince: Double?
    var completedBackups: Set<String>
    var lines: [String] = []
    var nextStatsAt: Double
    var chatterSince: Double
    var chatterCount = 0
    var autosave = true

    init(snapshot: ServerSnapshot, now: Double) {
        phase = snapshot.phase
        status = snapshot.status
        runningSince = snapshot.runningSince
        completedBackups = Set(snapshot.completedBackups.map(\.uuid))
        nextStatsAt = now
        chatterSince = now
    }

    mutating func append(_ line: String) {
        lines.append(line)
        if lines.count > ConsoleHub.logLines { lines.removeFirst(lines.count - ConsoleHub.logLines) }
    }
}

/// A server as the console needs it, read under the store's lock.
struct ServerSnapshot: Sendable {
    struct CompletedBackup: Sendable {
        let uuid: String
        let successful: Bool
        let checksum: String
        let bytes: Int
    }

    let name: String
    let phase: PowerState.Phase
    let status: String?
    let runningSince: Double?
    let completedBackups: [CompletedBackup]

    init?(uuid: String, state: PanelState, now: Double) {
        guard let serverId = state.serverIdByIdentifier[uuid], let server = state.servers[serverId], server.uuid == uuid else { return nil }
        name = server.name
        phase = server.power.phase
        status = server.status
        runningSince = server.power.runningSince
        completedBackups = state.backups.values.filter { $0.serverId == serverId && $0.completedAt != nil && !$0.deleted }.map {
            let checksum = $0.checksum ?? ""
            return CompletedBackup(uuid: $0.uuid, successful: $0.isSuccessful,
                                   checksum: checksum.hasPrefix("sha1:") ? String(checksum.dropFirst(5)) : checksum, bytes: $0.bytes)
        }
    }

    /// A restart that went from running through to running again between two looks.
    func restarted(since console: ServerConsole) -> Bool {
        phase == .running && console.phase == .running && runningSince != console.runningSince
    }
}

/// Pelican Wings' inbound limits (router/websocket/limiter.go, router_server_ws.go): a
/// token bucket per event class on the sim's clock, and a global 10-per-200 ms one.
struct PelicanLimiter: Sendable {
    struct Bucket: Sendable {
        var tokens: Double
        var updatedAt: Double
        let perSecond: Double
        let burst: Double

        mutating func take(now: Double) -> Bool {
            tokens = min(burst, tokens + max(0, now - updatedAt) * perSecond)
            updatedAt = now
            guard tokens >= 1 else { return false }
            tokens -= 1
            return true
        }
    }

    var global: Bucket
    var buckets: [String: Bucket] = [:]
    var throttledEvents: Set<String> = []
    var globalThrottled = false

    init(now: Double) {
        global = Bucket(tokens: 10, updatedAt: now, perSecond: 5, burst: 10)
    }

    /// Whether `event` ("global" for the read loop's own limit) is refused now, and whether
    /// to say so: `throttled` goes out once per throttled stretch.
    mutating func check(_ event: String, now: Double) -> (refused: Bool, notify: Bool) {
        if event == "global" {
            if global.take(now: now) { globalThrottled = false; return (false, false) }
            defer { globalThrottled = true }
            return (true, !globalThrottled)
        }
        // auth and send logs: one every 5 s, burst 2; send command: 1 a second, burst 10; others 1 a second, burst 4.
        let name = ["auth", "send logs", "send command"].contains(event) ? event : "_default"
        var bucket = buckets[name] ?? {
            switch name {
            case "auth", "send logs": return Bucket(tokens: 2, updatedAt: now, perSecond: 0.2, burst: 2)
            case "send command": return Bucket(tokens: 10, updatedAt: now, perSecond: 1, burst: 10)
            default: return Bucket(tokens: 4, updatedAt: now, perSecond: 1, burst: 4)
            }
        }()
        let allowed = bucket.take(now: now)
        buckets[name] = bucket
        if allowed {
            throttledEvents.remove(name)
            return (false, false)
        }
        return (true, throttledEvents.insert(name).inserted)
    }
}
