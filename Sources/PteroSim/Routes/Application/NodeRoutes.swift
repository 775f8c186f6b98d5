/// Application nodes: CRUD, deployable search and the daemon configuration.
enum NodeRoutes {
    static let base = "/api/application/nodes"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.nodes), list),
            Route("GET", base + "/deployable", .application(.nodes), deployable),
            Route("GET", base + "/{node}", .application(.nodes), view),
            Route("GET", base + "/{node}/configuration", .application(.nodes), configuration),
            Route("POST", base, .application(.nodes), create),
            Route("PATCH", base + "/{node}", .application(.nodes), update),
            Route("DELETE", base + "/{node}", .application(.nodes), delete),
        ]
    }

    static let listQuery = ListQuery<Node>(
        filters: [
            .init(name: "uuid", match: .partial) { $0.uuid }, .init(name: "name", match: .partial) { $0.name },
            .init(name: "fqdn", match: .partial) { $0.fqdn }, .init(name: "daemon_token_id", match: .partial) { $0.daemonTokenId },
        ],
        sorts: [
            .init(name: "id") { .number($0.id) }, .init(name: "uuid") { .text($0.uuid) },
            .init(name: "memory") { .number($0.memory) }, .init(name: "disk") { .number($0.disk) },
        ])

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let nodes = try listQuery.apply(state.sortedValues(state.nodes), query: input.query)
        let transformer = input.applicationTransformer
        return input.paginated(nodes) { transformer.node($0, in: state) }
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> Node {
        guard let node = state.nodes[try input.id("node")] else { throw PanelError.notFound }
        return node
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(input.applicationTransformer.node(try find(input, state), in: state))
    }

    static func deployable(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var query: [(String, JSONValue)] = []
        for name in ["memory", "disk", "page"] { if let value = input.query[name] { query.append((name, .string(value))) } }
        let locations = input.query.list("location_ids")
        if !locations.isEmpty { query.append(("location_ids", .array(locations.map { .string($0) }))) }
        let parameters = BodyNormalizer.normalize(.object(query))
        try Validator.validate(parameters, [
            FieldRules("memory", [.required, .integer, .min(0)]),
            FieldRules("disk", [.required, .integer, .min(0)]),
            FieldRules("location_ids", [.array]),
            FieldRules("location_ids.*", [.integer]),
            FieldRules("page", [.integer]),
        ])
        let memory = Int(input.query["memory"] ?? "") ?? 0
        let disk = Int(input.query["disk"] ?? "") ?? 0
        let locationIds = Set(locations.compactMap { Int($0) })
        let nodes = Deployment.viableNodes(state, memory: memory, disk: disk, locationIds: locationIds)
        if nodes.isEmpty {
            throw PanelError.display("No nodes satisfying the requirements specified for automatic deployment could be found.", code: "NoViableNodeException")
        }
        let transformer = input.applicationTransformer
        if input.query.has("page") { return input.paginated(nodes) { transformer.node($0, in: state) } }
        return .json(Envelope.list(nodes.map { transformer.node($0, in: state) }))
    }

    static func configuration(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let node = try find(input, state)
        let ssl = node.scheme == "https" && !node.behindProxy
        return .json(.object([
            ("debug", .bool(false)),
            ("uuid", .string(node.uuid)),
            ("token_id", .string(node.daemonTokenId)),
            ("token", .string(node.daemonToken)),
            ("api", .object([
                ("host", .string("0.0.0.0")),
                ("port", .int(node.daemonListen)),
                ("ssl", .object([
                    ("enabled", .bool(ssl)),
                    ("cert", .string("/etc/letsencrypt/live/\(node.fqdn)/fullchain.pem")),
                    ("key", .string("/etc/letsencrypt/live/\(node.fqdn)/privkey.pem")),
                ])),
                ("upload_limit", .int(node.uploadSize)),
            ])),
            ("system", .object([("data", .string(node.daemonBase)), ("sftp", .object([("bind_port", .int(node.daemonSftp))]))])),
            ("allowed_mounts", .array([])),
            ("remote", .string(input.baseURL)),
        ]))
    }

    /// app/Models/Node.php `$validationRules` as app/Http/Requests/Api/Application/Nodes/StoreNodeRequest.php
    /// renames them (snake case), with its `attributes()`; UpdateNodeRequest extends it.
    static func rules(_ state: PanelState) -> [FieldRules] {
        let locationIds = Set(state.locations.keys)
        return [
            FieldRules("name", [.required, .regex("/^([\\w .-]{1,100})$/")]),
            FieldRules("location_id", [.required, .exists { $0.intValue.map(locationIds.contains) ?? false }], label: "Location"),
            FieldRules("public", [.boolean], label: "Node Visibility"),
            FieldRules("fqdn", [.required, .string]),
            FieldRules("scheme", [.required]),
            FieldRules("behind_proxy", [.boolean]),
            FieldRules("memory", [.required, .numeric, .min(1)]),
            FieldRules("memory_overallocate", [.required, .numeric, .min(-1)]),
            FieldRules("disk", [.required, .numeric, .min(1)]),
            FieldRules("disk_overallocate", [.required, .numeric, .min(-1)]),
            FieldRules("daemon_base", [.sometimes, .required, .regex("/^([\\/][\\d\\w.\\-\\/]+)$/")], label: "Daemon Base Path"),
            FieldRules("daemon_sftp", [.required, .numeric, .between(1, 65535)]),
            FieldRules("daemon_listen", [.required, .numeric, .between(1, 65535)]),
            FieldRules("maintenance_mode", [.boolean]),
            FieldRules("upload_size", [.integer, .between(1, 1024)], label: "File Upload Size Limit"),
        ]
    }

    static func apply(_ input: RouteInput, to node: inout Node) {
        node.name = input.string("name")!
        node.locationId = input.int("location_id") ?? node.locationId
        node.fqdn = input.string("fqdn")!
        node.scheme = RuleEvaluator.scalarText(Validator.lookup("scheme", in: input.body) ?? .null) ?? "https"
        // Validated numbers, stored as the panel's MySQL columns store them (IntegerColumn).
        node.memory = input.stored("memory", as: .unsignedInteger) ?? node.memory
        node.memoryOverallocate = input.stored("memory_overallocate", as: .integer) ?? node.memoryOverallocate
        node.disk = input.stored("disk", as: .unsignedInteger) ?? node.disk
        node.diskOverallocate = input.stored("disk_overallocate", as: .integer) ?? node.diskOverallocate
        node.daemonSftp = input.stored("daemon_sftp", as: .unsignedSmallInteger) ?? node.daemonSftp
        node.daemonListen = input.stored("daemon_listen", as: .unsignedSmallInteger) ?? node.daemonListen
        node.daemonBase = input.string("daemon_base") ?? "/var/lib/pterodactyl/volumes"
        if let value = input.bool("public") { node.isPublic = value }
        if let value = input.bool("behind_proxy") { node.behindProxy = value }
        if let value = input.bool("maintenance_mode") { node.maintenanceMode = value }
        if let value = input.stored("upload_size", as: .unsignedInteger) { node.uploadSize = value }
        node.updatedAt = input.nowSeconds
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules(state))
        let id = state.nextId("nodes")
        var node = Node(
            id: id, uuid: state.random.uuid(), isPublic: true, name: "", description: nil, locationId: 0, fqdn: "",
            scheme: "https", behindProxy: false, maintenanceMode: false, memory: 0, memoryOverallocate: 0, disk: 0,
            diskOverallocate: 0, uploadSize: 100, daemonListen: 8080, daemonSftp: 2022, daemonBase: "",
            daemonTokenId: state.random.alphanumeric(16), daemonToken: state.random.alphanumeric(64),
            createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        apply(input, to: &node)
        state.nodes[id] = node
        let json = Envelope.withMeta(input.applicationTransformer.node(node, in: state), [("resource", input.resourceURL(base + "/\(id)"))])
        return .json(json, status: 201)
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var node = try find(input, state)
        try Validator.validate(input.body, rules(state) + [FieldRules("reset_secret", [.boolean])])
        apply(input, to: &node)
        if input.bool("reset_secret") == true {
            node.daemonTokenId = state.random.alphanumeric(16)
            node.daemonToken = state.random.alphanumeric(64)
        }
        state.nodes[node.id] = node
        return .json(input.applicationTransformer.node(node, in: state))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let node = try find(input, state)
        if state.servers.values.contains(where: { $0.nodeId == node.id }) {
            throw PanelError.display("A node must have no servers linked to it in order to be deleted.", code: "HasActiveServersException")
        }
        state.nodes[node.id] = nil
        for allocation in state.allocations.values where allocation.nodeId == node.id { state.allocations[allocation.id] = nil }
        return .noContent
    }
}
