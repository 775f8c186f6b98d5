/// Servers, their variables and databases on the application API.
extension ApplicationTransformer {
    private static let serverIncludes: [(String, ApplicationResource?)] = [
        ("allocations", .allocations), ("user", .users), ("subusers", .users), ("nest", .nests), ("egg", .eggs),
        ("variables", .servers), ("location", .locations), ("node", .nodes), ("databases", .serverDatabases),
    ]

    func server(_ server: Server, in state: PanelState) -> JSONValue {
        Envelope.item("server", [
            ("id", .int(server.id)),
            ("external_id", .optional(server.externalId)),
            ("uuid", .string(server.uuid)),
            ("identifier", .string(server.identifier)),
            ("name", .string(server.name)),
            ("description", .string(server.description)),
            ("status", .optional(server.status)),
            ("suspended", .bool(server.status == "suspended")),
            ("limits", .object([
                ("memory", .int(server.memory)), ("swap", .int(server.swap)), ("disk", .int(server.disk)),
                ("io", .int(server.io)), ("cpu", .int(server.cpu)), ("threads", .optional(server.threads)),
                ("oom_disabled", .bool(server.oomDisabled)),
            ])),
            ("feature_limits", .object([
                ("databases", .optional(server.databaseLimit)), ("allocations", .optional(server.allocationLimit)),
                ("backups", .optional(server.backupLimit)),
            ])),
            ("user", .int(server.ownerId)),
            ("node", .int(server.nodeId)),
            ("allocation", .int(server.allocationId)),
            ("nest", .int(server.nestId)),
            ("egg", .int(server.eggId)),
            ("container", .object([
                ("startup_command", .string(server.startup)),
                ("image", .string(server.image)),
                ("installed", .int(server.status == "installing" || server.status == "install_failed" ? 0 : 1)),
                ("environment", .object(state.environment(of: server))),
            ])),
            ("updated_at", .string(Timestamp.iso(server.updatedAt))),
            ("created_at", .string(Timestamp.iso(server.createdAt))),
        ], relationships: relationships(Self.serverIncludes) { name, child in
            serverRelationship(name, server, child, state)
        })
    }

    private func serverRelationship(_ name: String, _ server: Server, _ child: ApplicationTransformer, _ state: PanelState) -> JSONValue {
        switch name {
        case "allocations": return Envelope.list(state.allocations(ofServer: server.id).map { child.allocation($0, in: state) })
        case "user": return state.users[server.ownerId].map { child.user($0, in: state) } ?? Envelope.nullResource
        case "subusers": return Envelope.list(state.subusers(ofServer: server.id).map { child.subuser($0, in: state) })
        case "nest": return state.nests[server.nestId].map { child.nest($0, in: state) } ?? Envelope.nullResource
        case "egg": return state.eggs[server.eggId].map { child.egg($0, in: state) } ?? Envelope.nullResource
        case "variables":
            return Envelope.list(state.variables(ofEgg: server.eggId).map { child.serverVariable($0, server: server, in: state) })
        case "location":
            return state.nodes[server.nodeId].flatMap { state.locations[$0.locationId] }.map { child.location($0, in: state) } ?? Envelope.nullResource
        case "node": return state.nodes[server.nodeId].map { child.node($0, in: state) } ?? Envelope.nullResource
        default:
            return Envelope.list(state.databases(ofServer: server.id).map { child.database($0, in: state, object: "databases") })
        }
    }

    func serverVariable(_ variable: EggVariable, server: Server, in state: PanelState) -> JSONValue {
        Envelope.item("server_variable", eggVariableAttributes(variable) + [("server_value", .optional(server.variableValues[variable.id]))])
    }

    func eggVariableAttributes(_ variable: EggVariable) -> [(String, JSONValue)] {
        [
            ("id", .int(variable.id)),
            ("egg_id", .int(variable.eggId)),
            ("name", .string(variable.name)),
            ("description", .string(variable.description)),
            ("env_variable", .string(variable.envVariable)),
            ("default_value", .string(variable.defaultValue)),
            ("user_viewable", .bool(variable.userViewable)),
            ("user_editable", .bool(variable.userEditable)),
            ("rules", .string(variable.rules)),
            ("created_at", .string(Timestamp.laravel(variable.createdAt))),
            ("updated_at", .string(Timestamp.laravel(variable.updatedAt))),
        ]
    }

    func database(_ database: ServerDatabase, in state: PanelState, object: String = "server_database") -> JSONValue {
        Envelope.item(object, [
            ("id", .int(database.id)),
            ("server", .int(database.serverId)),
            ("host", .int(database.hostId)),
            ("database", .string(database.database)),
            ("username", .string(database.username)),
            ("remote", .string(database.remote)),
            ("max_connections", .optional(database.maxConnections)),
            ("created_at", .string(Timestamp.iso(database.createdAt))),
            ("updated_at", .string(Timestamp.iso(database.updatedAt))),
        ], relationships: relationships([("password", nil), ("host", .databaseHosts)]) { name, _ in
            if name == "password" {
                return Envelope.item("database_password", [("password", .string(database.password))])
            }
            guard let host = state.databaseHosts[database.hostId] else { return Envelope.nullResource }
            return Envelope.item("database_host", [
                ("id", .int(host.id)), ("name", .string(host.name)), ("host", .string(host.host)), ("port", .int(host.port)),
                ("username", .string(host.username)), ("node", .optional(host.nodeId)),
                ("created_at", .string(Timestamp.iso(host.createdAt))), ("updated_at", .string(Timestamp.iso(host.updatedAt))),
            ])
        })
    }
}
