/// Pelican's `PATCH servers/{id}/build`
/// (app/Http/Requests/Api/Application/Servers/UpdateServerBuildConfigurationRequest.php):
/// `oom_killer` instead of `oom_disabled`, the limits only nested under `limits`, and
/// `allocation` optional (Server.php's `allocation_id`: `sometimes|nullable|unique|exists`).
enum PelicanServerBuild {
    static func build(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try ServerRoutes.find(input, state)
        let allocationIds = Set(state.allocations.keys)
        let heldElsewhere = Set(state.servers.values.filter { $0.id != server.id }.map(\.allocationId))
        // `requiredToOptional`: each limit's `required` becomes a leading `required_with:limits`.
        let limits: [FieldRules] = [
            FieldRules("limits.memory", [.requiredWith("limits"), .numeric, .min(0)]),
            FieldRules("limits.swap", [.requiredWith("limits"), .numeric, .min(-1)]),
            FieldRules("limits.io", [.requiredWith("limits"), .numeric, .between(0, 1000)]),
            FieldRules("limits.cpu", [.requiredWith("limits"), .numeric, .min(0)]),
            FieldRules("limits.threads", [.nullable, .regex("/^[0-9-,]+$/")]),
            FieldRules("limits.disk", [.requiredWith("limits"), .numeric, .min(0)]),
        ]
        try Validator.validate(input.body, [
            FieldRules("allocation", [.sometimes, .nullable, .unique { RuleEvaluator.databaseId($0).map(heldElsewhere.contains) ?? false },
                                      .exists { RuleEvaluator.databaseId($0).map(allocationIds.contains) ?? false }]),
            FieldRules("oom_killer", [.sometimes, .boolean]),
            FieldRules("limits", [.sometimes, .array]),
        ] + limits + [
            FieldRules("add_allocations", [.array], label: "allocations to add"),
            FieldRules("add_allocations.*", [.integer], label: "allocation to add"),
            FieldRules("remove_allocations", [.array], label: "allocations to remove"),
            FieldRules("remove_allocations.*", [.integer], label: "allocation to remove"),
        ] + ServerBuildRoute.featureRules(labelled: true, dialect: state.dialect))
        let primary = input.int("allocation") ?? server.allocationId
        return try ServerBuildRoute.apply(input, &state, to: server, primary: primary, limitsPrefix: "limits.", oomDisabled: input.bool("oom_killer").map { !$0 })
    }
}
