/// Pelican's application nodes: tags instead of a location, CPU capacity, the panel's own
/// connection port (`daemon_connect`) and an SFTP alias
/// (app/Http/Controllers/Api/Application/Nodes/NodeController.php).
enum PelicanNodeRoutes {
    /// app/Models/Node.php `$validationRules`, snake-cased by Nodes/StoreNodeRequest.php
    /// (UpdateNodeRequest extends it); no `attributes()` of its own.
    static let rules: [FieldRules] = [
        FieldRules("name", [.required, .string, .min(1), .max(100)]),
        FieldRules("description", [.string, .nullable]),
        FieldRules("public", [.boolean]),
        FieldRules("fqdn", [.required, .string, .check(name: "not_in") { !["0.0.0.0", "127.0.0.1", "localhost"].contains($0.stringValue ?? "") }]),
        FieldRules("scheme", [.required, .string, .in(["http", "https"])]),
        FieldRules("behind_proxy", [.boolean]),
        FieldRules("memory", [.required, .numeric, .min(0)]),
        FieldRules("memory_overallocate", [.required, .numeric, .min(-1)]),
        FieldRules("disk", [.required, .numeric, .min(0)]),
        FieldRules("disk_overallocate", [.required, .numeric, .min(-1)]),
        FieldRules("cpu", [.required, .numeric, .min(0)]),
        FieldRules("cpu_overallocate", [.required, .numeric, .min(-1)]),
        FieldRules("daemon_base", [.sometimes, .required, .regex("/^([\\/][\\d\\w.\\-\\/]+)$/")]),
        FieldRules("daemon_sftp", [.required, .numeric, .between(1, 65535)]),
        FieldRules("daemon_sftp_alias", [.nullable, .string]),
        FieldRules("daemon_listen", [.required, .numeric, .between(1, 65535)]),
        FieldRules("daemon_connect", [.required, .numeric, .between(1, 65535)]),
        FieldRules("maintenance_mode", [.boolean]),
        FieldRules("upload_size", [.integer, .min(1)]),
        FieldRules("tags", [.array]),
    ]

    static func apply(_ input: RouteInput, to node: inout Node) {
        node.name = input.string("name")!
        node.fqdn = input.string("fqdn")!
        node.scheme = input.string("scheme")!
        if input.has("description") { node.description = input.string("description") }
        node.memory = input.stored("memory", as: .unsignedInteger) ?? node.memory
        node.memoryOverallocate = input.stored("memory_overallocate", as: .integer) ?? node.memoryOverallocate
        node.disk = input.stored("disk", as: .unsignedInteger) ?? node.disk
        node.diskOverallocate = input.stored("disk_overallocate", as: .integer) ?? node.diskOverallocate
        node.cpu = input.stored("cpu", as: .unsignedInteger) ?? node.cpu
        node.cpuOverallocate = input.stored("cpu_overallocate", as: .integer) ?? node.cpuOverallocate
        node.daemonSftp = input.stored("daemon_sftp", as: .unsignedSmallInteger) ?? node.daemonSftp
        node.daemonListen = input.stored("daemon_listen", as: .unsignedSmallInteger) ?? node.daemonListen
        node.daemonConnect = input.stored("daemon_connect", as: .unsignedSmallInteger) ?? node.daemonConnect
        if input.has("daemon_sftp_alias") { node.daemonSftpAlias = input.string("daemon_sftp_alias") }
        // Nodes/StoreNodeRequest.php `validated()`: an absent base is the model's default.
        node.daemonBase = input.string("daemon_base") ?? "/var/lib/pelican/volumes"
        if let value = input.bool("public") { node.isPublic = value }
        if let value = input.bool("behind_proxy") { node.behindProxy = value }
        if let value = input.bool("maintenance_mode") { node.maintenanceMode = value }
        if let value = input.stored("upload_size", as: .unsignedInteger) { node.uploadSize = value }
        if let tags = input.body["tags"]?.arrayValue { node.tags = tags.compactMap { RuleEvaluator.scalarText($0) } }
        node.updatedAt = input.nowSeconds
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules)
        let id = state.nextId("nodes")
        var node = Node(
            id: id, uuid: state.random.uuid(), isPublic: true, name: "", description: nil, locationId: 0, fqdn: "",
            scheme: "https", behindProxy: false, maintenanceMode: false, memory: 0, memoryOverallocate: 0, disk: 0,
            diskOverallocate: 0, uploadSize: 100, daemonListen: 8080, daemonSftp: 2022, daemonBase: "",
            daemonTokenId: state.random.alphanumeric(16), daemonToken: state.random.alphanumeric(64),
            createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        apply(input, to: &node)
        state.nodes[id] = node
        let json = Envelope.withMeta(input.applicationTransformer.node(node, in: state), [("resource", input.resourceURL(NodeRoutes.base + "/\(id)"))])
        return .json(json, status: 201)
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var node = try NodeRoutes.find(input, state)
        try Validator.validate(input.body, rules + [FieldRules("reset_secret", [.boolean])])
        apply(input, to: &node)
        if input.bool("reset_secret") == true {
            node.daemonTokenId = state.random.alphanumeric(16)
            node.daemonToken = state.random.alphanumeric(64)
        }
        state.nodes[node.id] = node
        return .json(input.applicationTransformer.node(node, in: state))
    }
}

extension PelicanNodeRoutes {
    /// `Node::getConfiguration` (app/Models/Node.php): 1.x's, with `allowed_mounts` the
    /// sources of the mounts attached to the node.
    static func configuration(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var response = try NodeRoutes.configuration(input, &state)
        let node = try NodeRoutes.find(input, state)
        let sources = state.sortedValues(state.mounts).filter { $0.nodeIds.contains(node.id) }.map { JSONValue.string($0.source) }
        guard case .object(let pairs)? = try? JSONParser.parse(response.body) else { return response }
        response.body = JSONSerializer.serialize(.object(pairs.map { key, value in (key, key == "allowed_mounts" ? .array(sources) : value) }))
        return response
    }
}
