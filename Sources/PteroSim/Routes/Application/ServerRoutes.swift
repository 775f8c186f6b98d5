/// Application servers: listing, lookups and state actions (suspend, reinstall, delete).
enum ServerRoutes {
    static let base = "/api/application/servers"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.servers), list),
            Route("GET", base + "/{server}", .application(.servers), view),
            Route("GET", base + "/external/{external_id}", .application(.servers), viewExternal),
            Route("PATCH", base + "/{server}/details", .application(.servers), ServerUpdateRoutes.details),
            Route("PATCH", base + "/{server}/build", .application(.servers), ServerBuildRoute.build),
            Route("PATCH", base + "/{server}/startup", .application(.servers), ServerUpdateRoutes.startup),
            Route("POST", base, .application(.servers), ServerCreateRoute.create),
            Route("POST", base + "/{server}/suspend", .application(.servers)) { try setSuspended($0, &$1, true) },
            Route("POST", base + "/{server}/unsuspend", .application(.servers)) { try setSuspended($0, &$1, false) },
            Route("POST", base + "/{server}/reinstall", .application(.servers), reinstall),
            Route("DELETE", base + "/{server}", .application(.servers), delete),
            Route("DELETE", base + "/{server}/{force}", .application(.servers), delete),
        ]
    }

    static let listQuery = ListQuery<Server>(
        filters: [
            .init(name: "uuid", match: .partial) { $0.uuid }, .init(name: "uuidShort", match: .partial) { $0.identifier },
            .init(name: "name", match: .partial) { $0.name }, .init(name: "description", match: .partial) { $0.description },
            .init(name: "image", match: .partial) { $0.image }, .init(name: "external_id", match: .partial) { $0.externalId },
        ],
        sorts: [.init(name: "id") { .number($0.id) }, .init(name: "uuid") { .text($0.uuid) }])

    /// Servers/GetServersRequest.php (1.11 and Pelican): `search` is `string|max:100`, checked
    /// although the controller never reads it. `?search=` is a null (ConvertEmptyStringsToNull)
    /// that is present, so `string` fails on it; `search[]=x` is an array.
    static func validateSearch(_ input: RouteInput) throws {
        var query: [(String, JSONValue)] = []
        let listed = input.query.pairs.filter { $0.0.hasPrefix("search[") }
        if !listed.isEmpty {
            query.append(("search", .array(listed.map { .string($0.1) })))
        } else if let search = input.query["search"] {
            query.append(("search", search.isEmpty ? .null : .string(search)))
        }
        guard !query.isEmpty else { return }
        try Validator.validate(.object(query), [FieldRules("search", [.string, .max(100)])])
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try validateSearch(input)
        let servers = try listQuery.apply(state.sortedValues(state.servers), query: input.query)
        let transformer = input.applicationTransformer
        return input.paginated(servers) { transformer.server($0, in: state) }
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> Server {
        guard let server = state.servers[try input.id("server")] else { throw PanelError.notFound }
        return server
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(input.applicationTransformer.server(try find(input, state), in: state))
    }

    static func viewExternal(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let externalId = input.parameter("external_id")
        guard let server = state.servers.values.first(where: { $0.externalId == externalId }) else { throw PanelError.notFound }
        return .json(input.applicationTransformer.server(server, in: state))
    }

    static func setSuspended(_ input: RouteInput, _ state: inout PanelState, _ suspended: Bool) throws -> SimResponse {
        let server = try find(input, state)
        if suspended && server.status == nil {
            state.servers[server.id]?.status = "suspended"
            state.power(server.id, signal: "kill", now: input.now)
        } else if !suspended && server.status == "suspended" {
            state.servers[server.id]?.status = nil
        }
        return .noContent
    }

    static func reinstall(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try find(input, state)
        state.power(server.id, signal: "kill", now: input.now)
        state.setTimedStatus(server.id, status: "installing", seconds: state.timing.installSeconds, now: input.now)
        return .noContent
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try find(input, state)
        state.removeServer(server)
        return .noContent
    }
}

extension PanelState {
    /// Deletes a server and everything hanging off it, freeing its allocations.
    mutating func removeServer(_ server: Server) {
        servers[server.id] = nil
        removeServerIndex(server)
        for allocation in allocations.values where allocation.serverId == server.id {
            allocations[allocation.id]?.serverId = nil
            allocations[allocation.id]?.notes = nil
        }
        for item in subusers.values where item.serverId == server.id { subusers[item.id] = nil }
        for item in databases.values where item.serverId == server.id { databases[item.id] = nil }
        for item in backups.values where item.serverId == server.id { backups[item.id] = nil }
        for item in schedules.values where item.serverId == server.id {
            schedules[item.id] = nil
            for task in tasks.values where task.scheduleId == item.id { tasks[task.id] = nil }
        }
        files[server.id] = nil
        pendingServers.remove(server.id)
    }
}
