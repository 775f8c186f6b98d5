/// Pelican's database hosts on the application API
/// (app/Http/Controllers/Api/Application/DatabaseHosts/DatabaseHostController.php):
/// paginated 10 a page with filters on name and host, sorts on id, name and host.
enum PelicanDatabaseHostRoutes {
    static let base = "/api/application/database-hosts"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.databaseHosts), list),
            Route("GET", base + "/{database_host}", .application(.databaseHosts), view),
            Route("POST", base, .application(.databaseHosts), create),
            Route("PATCH", base + "/{database_host}", .application(.databaseHosts), update),
            Route("DELETE", base + "/{database_host}", .application(.databaseHosts), delete),
        ]
    }

    static let listQuery = ListQuery<DatabaseHost>(
        filters: [.init(name: "name", match: .partial) { $0.name }, .init(name: "host", match: .partial) { $0.host }],
        sorts: [.init(name: "id") { .number($0.id) }, .init(name: "name") { .text($0.name) }, .init(name: "host") { .text($0.host) }])

    /// DatabaseHostTransformer: no password, no node (the `nodes` include lists them).
    static func render(_ host: DatabaseHost, input: RouteInput, state: PanelState) -> JSONValue {
        let transformer = input.applicationTransformer
        return Envelope.item("database_host", [
            ("id", .int(host.id)),
            ("name", .string(host.name)),
            ("host", .string(host.host)),
            ("port", .int(host.port)),
            ("username", .string(host.username)),
            ("created_at", .string(Timestamp.iso(host.createdAt))),
            ("updated_at", .string(Timestamp.iso(host.updatedAt))),
        ], relationships: transformer.relationships([("databases", .serverDatabases), ("nodes", .nodes)]) { name, child in
            if name == "databases" {
                return Envelope.list(state.sortedValues(state.databases).filter { $0.hostId == host.id }.map { child.database($0, in: state) })
            }
            return Envelope.list(host.nodeIds.sorted().compactMap { state.nodes[$0] }.map { child.node($0, in: state) })
        })
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let hosts = try listQuery.apply(state.sortedValues(state.databaseHosts), query: input.query)
        return input.paginated(hosts, defaultPerPage: 10) { render($0, input: input, state: state) }
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> DatabaseHost {
        guard let host = state.databaseHosts[try input.id("database_host")] else { throw PanelError.notFound }
        return host
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(render(try find(input, state), input: input, state: state))
    }

    /// app/Models/DatabaseHost.php `$validationRules` (DatabaseHosts/StoreDatabaseHostRequest.php,
    /// UpdateDatabaseHostRequest.php).
    static func rules(_ state: PanelState) -> [FieldRules] {
        let nodeIds = Set(state.nodes.keys)
        return [
            FieldRules("name", [.required, .string, .max(255)]),
            FieldRules("host", [.required, .string]),
            FieldRules("port", [.required, .numeric, .between(1, 65535)]),
            FieldRules("username", [.required, .string, .max(32)]),
            FieldRules("password", [.nullable, .string]),
            FieldRules("node_ids", [.nullable, .array]),
            FieldRules("node_ids.*", [.required, .integer, .exists { $0.intValue.map(nodeIds.contains) ?? false }]),
        ]
    }

    /// HostCreationService also connects to the host with the credentials; the sim has no
    /// MySQL to reach, so every host is taken as reachable.
    static func apply(_ input: RouteInput, to host: inout DatabaseHost) {
        host.name = input.string("name")!
        host.host = input.string("host")!
        host.port = input.stored("port", as: .unsignedSmallInteger) ?? host.port
        host.username = input.string("username")!
        if let nodes = input.body["node_ids"]?.arrayValue { host.nodeIds = nodes.compactMap(\.intValue) }
        host.nodeId = host.nodeIds.first
        host.updatedAt = input.nowSeconds
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules(state))
        let id = state.nextId("database_hosts")
        var host = DatabaseHost(id: id, name: "", host: "", port: 3306, username: "", nodeId: nil, createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        apply(input, to: &host)
        state.databaseHosts[id] = host
        let json = Envelope.withMeta(render(host, input: input, state: state), [("resource", input.resourceURL(base + "/\(id)"))])
        return .json(json, status: 201)
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var host = try find(input, state)
        try Validator.validate(input.body, rules(state))
        apply(input, to: &host)
        state.databaseHosts[host.id] = host
        return .json(render(host, input: input, state: state))
    }

    /// The databases table's foreign key refuses to drop a host that still has databases;
    /// the panel answers that query error as any unexpected error (500).
    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let host = try find(input, state)
        if state.databases.values.contains(where: { $0.hostId == host.id }) { throw PanelError.internalError }
        state.databaseHosts[host.id] = nil
        return .noContent
    }
}
