/// Client databases, addressed by hashid (numeric id accepted too).
enum ClientDatabaseRoutes {
    static var routes: [Route] {
        [
            ClientRoutes.onServer("GET", "/databases", list),
            ClientRoutes.onServer("POST", "/databases", create),
            ClientRoutes.onServer("POST", "/databases/{database}/rotate-password", rotate),
            ClientRoutes.onServer("DELETE", "/databases/{database}", delete),
        ]
    }

    /// Looked up before the permission check: app/Http/Middleware/Api/Client/Server/ResourceBelongsToServer.php
    /// runs before the request's authorize(), so another server's database is a 404 even without the permission.
    static func find(_ input: RouteInput, _ state: PanelState) throws -> ServerDatabase {
        let key = input.parameter("database")
        let match = state.databases.values.first { $0.serverId == input.serverId && ($0.hashid == key || String($0.id) == key) }
        guard let database = match else { throw PanelError.notFound }
        return database
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("database.read")
        let transformer = input.clientTransformer
        let withPassword = Includes(query: input.query).has("password")
        return .json(Envelope.list(state.databases(ofServer: input.serverId).map { transformer.database($0, in: state, withPassword: withPassword) }))
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("database.create")
        let server = state.servers[input.serverId]!
        try Validator.validate(input.body, [
            // app/Http/Requests/Api/Client/Servers/Databases/StoreDatabaseRequest.php: `min:3`, `max:48`.
            FieldRules("database", [.required, .alphaDash, .min(3), .max(48)]),
            FieldRules("remote", [.required, .string, .regex("/^[\\w\\-\\/.%:]+$/")]),
        ])
        let name = input.string("database")!
        let existing = state.databases(ofServer: server.id)
        if existing.contains(where: { $0.database == String("s\(server.id)_\(name)".prefix(48)) }) {
            throw PanelError(validation: [PanelError.Entry(
                code: "ValidationException", detail: "The database name you have selected is already in use by this server.",
                sourceField: "database", rule: .some("unique"))])
        }
        if let limit = server.databaseLimit, existing.count >= limit {
            throw PanelError.display("Operation aborted: creating a new database would put this server over the defined limit.", code: "TooManyDatabasesException")
        }
        let host = state.sortedValues(state.databaseHosts).first { $0.nodeId == server.nodeId } ?? state.sortedValues(state.databaseHosts).first
        guard let host else {
            throw PanelError.display("No database host was found that meets the requirements for this server.", code: "NoSuitableDatabaseHostException")
        }
        let database = state.addDatabase(server: server, name: name, remote: input.string("remote")!, hostId: host.id, now: input.nowSeconds)
        state.log("server:database.create", input: input, serverId: server.id, properties: [("name", .string(database.database))])
        return .json(input.clientTransformer.database(database, in: state, withPassword: true))
    }

    static func rotate(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var database = try find(input, state)
        try input.access.require("database.update")
        database.password = state.random.alphanumeric(24)
        state.databases[database.id] = database
        state.log("server:database.rotate-password", input: input, serverId: input.serverId, properties: [("name", .string(database.database))])
        return .json(input.clientTransformer.database(database, in: state, withPassword: true))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let database = try find(input, state)
        try input.access.require("database.delete")
        state.databases[database.id] = nil
        state.log("server:database.delete", input: input, serverId: input.serverId, properties: [("name", .string(database.database))])
        return .noContent
    }
}
