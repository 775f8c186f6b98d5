/// Pelican's mounts (app/Http/Controllers/Api/Application/Mounts/MountController.php):
/// CRUD, paginated 50 a page with filters on uuid and name, and the eggs, nodes and
/// servers each mount is attached to.
enum PelicanMountRoutes {
    static let base = "/api/application/mounts"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.mounts), list),
            Route("GET", base + "/{mount}", .application(.mounts), view),
            Route("GET", base + "/{mount}/eggs", .application(.mounts), eggs),
            Route("GET", base + "/{mount}/nodes", .application(.mounts), nodes),
            Route("GET", base + "/{mount}/servers", .application(.mounts), servers),
            Route("POST", base, .application(.mounts), create),
            Route("POST", base + "/{mount}/eggs", .application(.mounts)) { try attach($0, &$1, "eggs") },
            Route("POST", base + "/{mount}/nodes", .application(.mounts)) { try attach($0, &$1, "nodes") },
            Route("POST", base + "/{mount}/servers", .application(.mounts)) { try attach($0, &$1, "servers") },
            Route("PATCH", base + "/{mount}", .application(.mounts), update),
            Route("DELETE", base + "/{mount}", .application(.mounts), delete),
            Route("DELETE", base + "/{mount}/eggs/{egg_id}", .application(.mounts)) { try detach($0, &$1, "eggs", "egg_id") },
            Route("DELETE", base + "/{mount}/nodes/{node_id}", .application(.mounts)) { try detach($0, &$1, "nodes", "node_id") },
            Route("DELETE", base + "/{mount}/servers/{server_id}", .application(.mounts)) { try detach($0, &$1, "servers", "server_id") },
        ]
    }

    static let listQuery = ListQuery<Mount>(
        filters: [.init(name: "uuid", match: .partial) { $0.uuid }, .init(name: "name", match: .partial) { $0.name }],
        sorts: [.init(name: "id") { .number($0.id) }, .init(name: "uuid") { .text($0.uuid) }])

    /// MountTransformer answers the model's `toArray()`: its columns, booleans cast; the
    /// `eggs`, `nodes` and `servers` includes need read on those resources.
    static func render(_ mount: Mount, input: RouteInput, state: PanelState) -> JSONValue {
        let transformer = input.applicationTransformer
        return Envelope.item("mount", [
            ("id", .int(mount.id)),
            ("uuid", .string(mount.uuid)),
            ("name", .string(mount.name)),
            ("description", .optional(mount.description)),
            ("source", .string(mount.source)),
            ("target", .string(mount.target)),
            ("read_only", .bool(mount.readOnly)),
            ("user_mountable", .bool(mount.userMountable)),
        ], relationships: transformer.relationships([("eggs", .eggs), ("nodes", .nodes), ("servers", .servers)]) { name, child in
            switch name {
            case "eggs": return Envelope.list(mount.eggIds.sorted().compactMap { state.eggs[$0] }.map { child.egg($0, in: state) })
            case "nodes": return Envelope.list(mount.nodeIds.sorted().compactMap { state.nodes[$0] }.map { child.node($0, in: state) })
            default: return Envelope.list(mount.serverIds.sorted().compactMap { state.servers[$0] }.map { child.server($0, in: state) })
            }
        })
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        input.paginated(try listQuery.apply(state.sortedValues(state.mounts), query: input.query)) { render($0, input: input, state: state) }
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> Mount {
        guard let mount = state.mounts[try input.id("mount")] else { throw PanelError.notFound }
        return mount
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(render(try find(input, state), input: input, state: state))
    }

    static func eggs(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let mount = try find(input, state)
        let transformer = input.applicationTransformer
        return .json(Envelope.list(mount.eggIds.sorted().compactMap { state.eggs[$0] }.map { transformer.egg($0, in: state) }))
    }

    static func nodes(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let mount = try find(input, state)
        let transformer = input.applicationTransformer
        return .json(Envelope.list(mount.nodeIds.sorted().compactMap { state.nodes[$0] }.map { transformer.node($0, in: state) }))
    }

    static func servers(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let mount = try find(input, state)
        let transformer = input.applicationTransformer
        return .json(Envelope.list(mount.serverIds.sorted().compactMap { state.servers[$0] }.map { transformer.server($0, in: state) }))
    }

    /// app/Models/Mount.php `$validationRules`; an update ignores the mount's own name for `unique`.
    static func rules(_ state: PanelState, ignoring mountId: Int?) -> [FieldRules] {
        let names = Set(state.mounts.values.filter { $0.id != mountId }.map(\.name))
        return [
            FieldRules("name", [.required, .string, .min(2), .max(64), .unique { names.contains($0.stringValue ?? "") }]),
            FieldRules("description", [.nullable, .string, .max(255)]),
            FieldRules("source", [.required, .string]),
            FieldRules("target", [.required, .string]),
            FieldRules("read_only", [.sometimes, .boolean]),
            FieldRules("user_mountable", [.sometimes, .boolean]),
        ]
    }

    static func apply(_ input: RouteInput, to mount: inout Mount) {
        mount.name = input.string("name")!
        if input.has("description") { mount.description = input.string("description") }
        mount.source = input.string("source")!
        mount.target = input.string("target")!
        if let flag = input.bool("read_only") { mount.readOnly = flag }
        if let flag = input.bool("user_mountable") { mount.userMountable = flag }
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules(state, ignoring: nil))
        let id = state.nextId("mounts")
        var mount = Mount(id: id, uuid: state.random.uuid(), name: "", description: nil, source: "", target: "", readOnly: false, userMountable: false)
        apply(input, to: &mount)
        state.mounts[id] = mount
        return .json(Envelope.withMeta(render(mount, input: input, state: state), [("resource", input.resourceURL(base + "/\(id)"))]), status: 201)
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var mount = try find(input, state)
        try Validator.validate(input.body, rules(state, ignoring: mount.id))
        apply(input, to: &mount)
        state.mounts[mount.id] = mount
        return .json(render(mount, input: input, state: state))
    }

    /// lang/en/exceptions.php `mount.servers_attached`.
    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let mount = try find(input, state)
        if !mount.serverIds.isEmpty {
            throw PanelError.display("A mount must have no servers attached to it in order to be deleted.", code: "HasActiveServersException")
        }
        state.mounts[mount.id] = nil
        return .noContent
    }

    /// Mounts/UpdateMount{Eggs,Nodes,Servers}Request.php: the list is `required|array|exists`
    /// (every id must exist), each item `integer`; ids already attached stay once.
    static func attach(_ input: RouteInput, _ state: inout PanelState, _ field: String) throws -> SimResponse {
        var mount = try find(input, state)
        let known: Set<Int> = switch field {
        case "eggs": Set(state.eggs.keys)
        case "nodes": Set(state.nodes.keys)
        default: Set(state.servers.keys)
        }
        try Validator.validate(input.body, [
            FieldRules(field, [.required, .array, .exists { value in
                (value.arrayValue ?? []).allSatisfy { RuleEvaluator.databaseId($0).map(known.contains) ?? false }
            }]),
            FieldRules(field + ".*", [.integer]),
        ])
        let ids = (input.body[field]?.arrayValue ?? []).compactMap { RuleEvaluator.databaseId($0) }
        func merged(_ existing: [Int]) -> [Int] { ids.reduce(into: existing) { if !$0.contains($1) { $0.append($1) } } }
        switch field {
        case "eggs": mount.eggIds = merged(mount.eggIds)
        case "nodes": mount.nodeIds = merged(mount.nodeIds)
        default: mount.serverIds = merged(mount.serverIds)
        }
        state.mounts[mount.id] = mount
        return .json(render(mount, input: input, state: state))
    }

    /// `deleteEgg`/`deleteNode`/`deleteServer`: `{…_id}` is an `int` parameter; a detach of an
    /// id not attached is still 204.
    static func detach(_ input: RouteInput, _ state: inout PanelState, _ field: String, _ parameter: String) throws -> SimResponse {
        var mount = try find(input, state)
        let id = try input.id(parameter)
        switch field {
        case "eggs": mount.eggIds.removeAll { $0 == id }
        case "nodes": mount.nodeIds.removeAll { $0 == id }
        default: mount.serverIds.removeAll { $0 == id }
        }
        state.mounts[mount.id] = mount
        return .noContent
    }
}
