/// `GET /api/client`: the caller's servers by `type`, with the `filter[*]` search.
enum ClientServerList {
    static let listQuery = ListQuery<Server>(
        filters: [
            .init(name: "uuid", match: .partial) { $0.uuid }, .init(name: "name", match: .partial) { $0.name },
            .init(name: "description", match: .partial) { $0.description }, .init(name: "external_id", match: .partial) { $0.externalId },
            .init(name: "*", match: .partial) { _ in nil },
        ],
        sorts: [])

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let user = input.user
        let subuserOf = Set(state.subusers.values.filter { $0.userId == user.id }.map(\.serverId))
        var servers: [Server]
        switch input.query["type"] {
        case "owner": servers = state.servers(where: { $0.ownerId == user.id })
        case "admin", "admin-all":
            guard user.rootAdmin else { servers = []; break }
            servers = input.query["type"] == "admin-all"
                ? state.sortedValues(state.servers)
                : state.servers(where: { $0.ownerId != user.id && !subuserOf.contains($0.id) })
        default: servers = state.servers(where: { $0.ownerId == user.id || subuserOf.contains($0.id) })
        }
        var query = input.query
        if let search = query.bracketed("filter").last(where: { $0.0 == "*" })?.1, !search.isEmpty {
            servers = servers.filter { matches($0, search: search, state: state) }
            query = query.removing("filter[*]")
        }
        servers = try listQuery.apply(servers, query: query)
        let transformer = input.clientTransformer
        return input.paginated(servers, defaultPerPage: 50, cap: 100, keepQuery: true) { server in
            transformer.server(server, in: state, access: access(server, user: user, state: state))
        }
    }

    static func access(_ server: Server, user: User, state: PanelState) -> ServerAccess {
        let isOwner = server.ownerId == user.id
        let permissions = isOwner || user.rootAdmin ? [] : state.subusers.values.first { $0.serverId == server.id && $0.userId == user.id }?.permissions ?? []
        return ServerAccess(serverId: server.id, isOwner: isOwner, isAdmin: user.rootAdmin && !isOwner, subuserPermissions: permissions)
    }

    /// IP / `IP:port` / `:port` match allocations; anything else uuid, id or name.
    static func matches(_ server: Server, search: String, state: PanelState) -> Bool {
        if RuleEvaluator.matches(search, "^(\\d{1,3}(\\.\\d{1,3}){3})?(:\\d*)?$") && (search.contains(".") || search.hasPrefix(":")) {
            let pieces = search.split(separator: ":", omittingEmptySubsequences: false)
            let ip = String(pieces[0])
            let port = pieces.count > 1 ? String(pieces[1]) : ""
            return state.allocations(ofServer: server.id).contains { allocation in
                (ip.isEmpty || allocation.ip == ip) && (port.isEmpty || String(allocation.port).hasPrefix(port))
            }
        }
        let lower = search.lowercased()
        return server.uuid == search || server.uuid.hasPrefix(search) || server.identifier == search
            || server.externalId == search || server.name.lowercased().contains(lower)
    }
}
