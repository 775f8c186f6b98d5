/// Application `PATCH /servers/{id}/build`: limits (nested or legacy top level),
/// feature limits and allocation changes.
enum ServerBuildRoute {
    static func limitRules(prefix: String) -> [FieldRules] {
        [
            FieldRules(prefix + "memory", [.required, .numeric, .min(0)]),
            FieldRules(prefix + "swap", [.required, .numeric, .min(-1)]),
            FieldRules(prefix + "io", [.required, .numeric, .between(10, 1000)]),
            FieldRules(prefix + "cpu", [.required, .numeric, .min(0)]),
            FieldRules(prefix + "threads", [.nullable, .regex("/^[0-9-,]+$/")]),
            FieldRules(prefix + "disk", [.required, .numeric, .min(0)]),
        ]
    }

    static let featureRules: [FieldRules] = [
        FieldRules("feature_limits", [.required, .array]),
        FieldRules("feature_limits.databases", [.present, .nullable, .integer, .min(0)]),
        FieldRules("feature_limits.allocations", [.nullable, .integer, .min(0)]),
        FieldRules("feature_limits.backups", [.present, .nullable, .integer, .min(0)]),
    ]

    static func build(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var server = try ServerRoutes.find(input, state)
        let allocationIds = Set(state.allocations.keys)
        let nested = input.has("limits")
        try Validator.validate(input.body, [
            FieldRules("allocation", [.required, .integer, .exists { $0.intValue.map(allocationIds.contains) ?? false }]),
            FieldRules("oom_disabled", [.boolean]),
        ] + (nested ? [FieldRules("limits", [.array])] : []) + limitRules(prefix: nested ? "limits." : "") + featureRules + [
            FieldRules("add_allocations", [.array]),
            FieldRules("add_allocations.*", [.integer]),
            FieldRules("remove_allocations", [.array]),
            FieldRules("remove_allocations.*", [.integer]),
        ])
        let prefix = nested ? "limits." : ""
        let add = (input.body["add_allocations"]?.arrayValue ?? []).compactMap(\.intValue)
        let remove = (input.body["remove_allocations"]?.arrayValue ?? []).compactMap(\.intValue)
        guard let primary = input.int("allocation") else { throw PanelError.notFound }
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
        server.threads = input.string(prefix + "threads")
        if let oom = input.bool("oom_disabled") { server.oomDisabled = oom }
        server.databaseLimit = input.stored("feature_limits.databases", as: .unsignedInteger)
        server.backupLimit = input.stored("feature_limits.backups", as: .unsignedInteger)
        if input.has("feature_limits.allocations") { server.allocationLimit = input.stored("feature_limits.allocations", as: .unsignedInteger) }
        server.updatedAt = input.nowSeconds
        state.servers[server.id] = server
        return .json(input.applicationTransformer.server(server, in: state))
    }
}
