/// Application server databases, addressed by numeric id under their server.
enum ServerDatabaseRoutes {
    static let base = "/api/application/servers/{server}/databases"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.serverDatabases), list),
            Route("GET", base + "/{database}", .application(.serverDatabases), view),
            Route("POST", base, .application(.serverDatabases), create),
            Route("POST", base + "/{database}/reset-password", .application(.serverDatabases), resetPassword),
            Route("DELETE", base + "/{database}", .application(.serverDatabases), delete),
        ]
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> (Server, ServerDatabase) {
        let server = try ServerRoutes.find(input, state)
        guard let database = state.databases[try input.id("database")], database.serverId == server.id else { throw PanelError.notFound }
        return (server, database)
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try ServerRoutes.find(input, state)
        let transformer = input.applicationTransformer
        return .json(Envelope.list(state.databases(ofServer: server.id).map { transformer.database($0, in: state) }))
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let (_, database) = try find(input, state)
        return .json(input.applicationTransformer.database(database, in: state))
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try ServerRoutes.find(input, state)
        let hostIds = Set(state.databaseHosts.keys)
        let taken = Set(state.databases(ofServer: server.id).map(\.database))
        // app/Http/Requests/Api/Application/Servers/Databases/StoreServerDatabaseRequest.php: its own rules
        // (`min:1`, `max:48`) and `attributes()`.
        try Validator.validate(input.body, [
            FieldRules("database", [.required, .alphaDash, .min(1), .max(48), .unique { value in
                taken.contains(String("s\(server.id)_\(value.stringValue ?? "")".prefix(48)))
            }], label: "Database Name"),
            FieldRules("remote", [.required, .string, .regex("/^[0-9%.]{1,15}$/")], label: "Remote Connection String"),
            FieldRules("host", [.required, .integer, .exists { $0.intValue.map(hostIds.contains) ?? false }], label: "Database Host Server ID"),
        ])
        if let limit = server.databaseLimit, state.databases(ofServer: server.id).count >= limit {
            throw PanelError.display("Operation aborted: creating a new database would put this server over the defined limit.", code: "TooManyDatabasesException")
        }
        let database = state.addDatabase(server: server, name: input.string("database")!, remote: input.string("remote")!, hostId: input.int("host")!, now: input.nowSeconds)
        let json = Envelope.withMeta(input.applicationTransformer.database(database, in: state), [
            ("resource", input.resourceURL("/api/application/servers/\(server.id)/databases/\(database.id)")),
        ])
        return .json(json, status: 201)
    }

    static func resetPassword(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let (_, database) = try find(input, state)
        state.databases[database.id]?.password = state.random.alphanumeric(24)
        return .noContent
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let (_, database) = try find(input, state)
        state.databases[database.id] = nil
        return .noContent
    }
}

extension PanelState {
    mutating func addDatabase(server: Server, name: String, remote: String, hostId: Int, now: Int) -> ServerDatabase {
        let id = nextId("databases")
        let database = ServerDatabase(
            id: id, hashid: HashId.encode(id), serverId: server.id, hostId: hostId,
            database: String("s\(server.id)_\(name)".prefix(48)), username: "u\(server.id)_\(random.alphanumeric(10))",
            remote: remote, password: random.alphanumeric(24), maxConnections: 0, createdAt: now, updatedAt: now)
        databases[id] = database
        return database
    }
}
