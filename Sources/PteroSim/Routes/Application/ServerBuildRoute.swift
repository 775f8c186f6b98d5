/// Application `PATCH /servers/{id}/build`: limits (nested or legacy top level),
/// feature limits and allocation changes.
enum ServerBuildRoute {
    /// app/Models/Server.php's limit rules, by name, with `required` as the caller needs it.
    static func limitRule(_ name: String, prefix: String, required: Rule = .required) -> FieldRules {
        switch name {
        case "memory": FieldRules(prefix + name, [required, .numeric, .min(0)])
        case "swap": FieldRules(prefix + name, [required, .numeric, .min(-1)])
        case "io": FieldRules(prefix + name, [required, .numeric, .between(10, 1000)])
        case "cpu": FieldRules(prefix + name, [required, .numeric, .min(0)])
        case "disk": FieldRules(prefix + name, [required, .numeric, .min(0)])
        default: FieldRules(prefix + name, [.nullable, .regex("/^[0-9-,]+$/")])
        }
    }

    /// The limits in the order a request class declares them, so 422 entries come out in its order.
    static func limitRules(prefix: String, order: [String], required: Rule = .required) -> [FieldRules] {
        order.map { limitRule($0, prefix: prefix, required: required) }
    }

    /// app/Models/Server.php's limit rules; the labels are
    /// app/Http/Requests/Api/Application/Servers/UpdateServerBuildConfigurationRequest.php `attributes()`
    /// (only that request renames them; server creation shares these rules without labels).
    /// v0.7.19 has no backups (app/Models/Server.php@v0.7.19: `database_limit` and `allocation_limit` only).
    static func featureRules(labelled: Bool, dialect: SimulatorDialect) -> [FieldRules] {
        [
            FieldRules("feature_limits", [.required, .array]),
            FieldRules("feature_limits.databases", [.present, .nullable, .integer, .min(0)], label: labelled ? "Database Limit" : nil),
            FieldRules("feature_limits.allocations", [.nullable, .integer, .min(0)], label: labelled ? "Allocation Limit" : nil),
        ] + (dialect == .pterodactyl07 ? [] : [
            FieldRules("feature_limits.backups", [.present, .nullable, .integer, .min(0)], label: labelled ? "Backup Limit" : nil),
        ])
    }

    /// The limits a dialect's Server.php has, in the build request's order: `threads` came in v1.0.0.
    static func limitNames(_ dialect: SimulatorDialect) -> [String] {
        dialect == .pterodactyl07 ? ["memory", "swap", "io", "cpu", "disk"] : ["memory", "swap", "io", "cpu", "threads", "disk"]
    }

    static func build(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try ServerRoutes.find(input, state)
        let allocationIds = Set(state.allocations.keys)
        let heldElsewhere = Set(state.servers.values.filter { $0.id != server.id }.map(\.allocationId))
        // UpdateServerBuildConfigurationRequest.php: both the nested and the legacy top-level limits are
        // validated, `required` turned into `required_with:limits` / `required_without:limits`; `allocation`
        // is Server.php's `allocation_id` (`required|bail|unique:servers|exists:allocations,id`, no `integer`).
        let order = limitNames(state.dialect)
        try Validator.validate(input.body, [
            FieldRules("allocation", [.required, .unique { RuleEvaluator.databaseId($0).map(heldElsewhere.contains) ?? false },
                                      .exists { RuleEvaluator.databaseId($0).map(allocationIds.contains) ?? false }]),
            FieldRules("oom_disabled", [.sometimes, .boolean]),
            FieldRules("limits", [.sometimes, .array]),
        ] + limitRules(prefix: "limits.", order: order, required: .requiredWith("limits"))
          + limitRules(prefix: "", order: order, required: .requiredWithout("limits")) + [
            FieldRules("add_allocations", [.array], label: "allocations to add"),
            FieldRules("add_allocations.*", [.integer], label: "allocation to add"),
            FieldRules("remove_allocations", [.array], label: "allocations to remove"),
            FieldRules("remove_allocations.*", [.integer], label: "allocation to remove"),
        ] + featureRules(labelled: true, dialect: state.dialect))
        // The request's validated(): a non-empty `limits` wins over the legacy keys.
        let nested = RuleEvaluator.isFilled(input.body["limits"])
        guard let primary = input.int("allocation") else { throw PanelError.notFound }
        return try apply(input, &state, to: server, primary: primary, limitsPrefix: nested ? "limits." : "", oomDisabled: input.bool("oom_disabled"))
    }

    /// Applies a validated build change (shared by the dialects): allocations added and
    /// removed, the primary moved, limits read under `limitsPrefix`, the feature limits.
    static func apply(
        _ input: RouteInput, _ state: inout PanelState, to server: Server, primary: Int, limitsPrefix prefix: String, oomDisabled: Bool?
    ) throws -> SimResponse {
        var server = server
        let add = (input.body["add_allocations"]?.arrayValue ?? []).compactMap(\.intValue)
        let remove = (input.body["remove_allocations"]?.arrayValue ?? []).compactMap(\.intValue)
        for allocationId in add {
            guard let allocation = state.allocations[allocationId], allocation.nodeId == server.nodeId, allocation.serverId == nil else { continue }
            state.allocations[allocationId]?.serverId = server.id
        }
        for allocationId in remove {
            guard let allocation = state.allocations[allocationId], allocation.serverId == server.id else { continue }
            if allocationId == server.allocationId && (add.isEmpty || primary == allocationId) {
                throw PanelError.display("You are attempting to delete the default allocation for this server but there is no fallback allocation to use.")
            }
            state.allocations[allocationId]?.serverId = nil
            state.allocations[allocationId]?.notes = nil
        }
        guard state.allocations[primary]?.serverId == server.id else {
            throw PanelError.display("The requested default allocation is not currently assigned to this server.")
        }
        server.allocationId = primary
        // Validation has passed, so each limit is a number; IntegerColumn stores it as the panel's MySQL does.
        server.memory = input.stored(prefix + "memory", as: .unsignedInteger) ?? server.memory
        server.swap = input.stored(prefix + "swap", as: .integer) ?? server.swap
        server.io = input.stored(prefix + "io", as: .unsignedInteger) ?? server.io
        server.cpu = input.stored(prefix + "cpu", as: .unsignedInteger) ?? server.cpu
        server.disk = input.stored(prefix + "disk", as: .unsignedInteger) ?? server.disk
        if input.has(prefix + "threads") { server.threads = input.string(prefix + "threads") }
        if let oomDisabled { server.oomDisabled = oomDisabled }
        server.databaseLimit = input.stored("feature_limits.databases", as: .unsignedInteger)
        server.backupLimit = input.stored("feature_limits.backups", as: .unsignedInteger)
        if input.has("feature_limits.allocations") { server.allocationLimit = input.stored("feature_limits.allocations", as: .unsignedInteger) }
        server.updatedAt = input.nowSeconds
        state.servers[server.id] = server
        return .json(input.applicationTransformer.server(server, in: state))
    }
}
