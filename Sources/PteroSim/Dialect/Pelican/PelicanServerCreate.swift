/// Pelican's `POST servers`: `deploy.tags` instead of `deploy.locations`, `oom_killer`
/// instead of `oom_disabled`, and the egg's first image and startup command when the request
/// names none (app/Services/Servers/ServerCreationService.php).
enum PelicanServerCreate {
    /// Servers/StoreServerRequest.php `rules()` and `withValidator()`, over app/Models/Server.php
    /// `$validationRules`.
    static func rules(_ input: RouteInput, _ state: PanelState) -> [FieldRules] {
        let userIds = Set(state.users.keys)
        let eggIds = Set(state.eggs.keys)
        let free = Set(state.allocations.values.filter { $0.serverId == nil }.map(\.id))
        let externalIds = Set(state.servers.values.compactMap(\.externalId))
        var rules: [FieldRules] = [
            FieldRules("external_id", [.sometimes, .nullable, .string, .between(1, 255), .unique { externalIds.contains($0.stringValue ?? "") }]),
            FieldRules("name", [.required, .string, .min(1), .max(255)]),
            FieldRules("description", [.nullable, .string]),
            FieldRules("user", [.required, .integer, .exists { $0.intValue.map(userIds.contains) ?? false }]),
            FieldRules("egg", [.required, .exists { RuleEvaluator.databaseId($0).map(eggIds.contains) ?? false }]),
            FieldRules("docker_image", [.sometimes, .string]),
            FieldRules("startup", [.sometimes, .string]),
            FieldRules("environment", [.present, .array]),
            FieldRules("skip_scripts", [.sometimes, .boolean]),
            FieldRules("oom_killer", [.sometimes, .boolean]),
            FieldRules("limits", [.required, .array]),
            FieldRules("limits.memory", [.required, .numeric, .min(0)]),
            FieldRules("limits.swap", [.required, .numeric, .min(-1)]),
            FieldRules("limits.disk", [.required, .numeric, .min(0)]),
            FieldRules("limits.io", [.required, .numeric, .between(0, 1000)]),
            FieldRules("limits.threads", [.nullable, .regex("/^[0-9-,]+$/")]),
            FieldRules("limits.cpu", [.required, .numeric, .min(0)]),
            FieldRules("feature_limits", [.required, .array]),
            FieldRules("feature_limits.databases", [.present, .nullable, .integer, .min(0)]),
            FieldRules("feature_limits.allocations", [.sometimes, .nullable, .integer, .min(0)]),
            FieldRules("feature_limits.backups", [.present, .nullable, .integer, .min(0)]),
        ]
        if input.has("deploy") {
            rules += [
                FieldRules("deploy", [.sometimes, .required, .array]),
                FieldRules("deploy.tags", [.array, .present]),
                FieldRules("deploy.tags.*", [.requiredWith("deploy.tags"), .string, .min(1)]),
                FieldRules("deploy.dedicated_ip", [.requiredWith("deploy"), .boolean]),
                FieldRules("deploy.port_range", [.array, .present]),
                FieldRules("deploy.port_range.*", [.string]),
            ]
        } else {
            rules += [
                FieldRules("allocation.default", [.required, .integer, .exists { $0.intValue.map(free.contains) ?? false }]),
                FieldRules("allocation.additional.*", [.integer, .exists { $0.intValue.map(free.contains) ?? false }]),
            ]
        }
        rules.append(FieldRules("start_on_completion", [.sometimes, .boolean]))
        return rules
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules(input, state))
        let egg = state.eggs[input.int("egg")!]!
        let environment = input.body["environment"] ?? .object([])
        try EggVariableRules.validate(environment, variables: state.variables(ofEgg: egg.id))
        let primary: Int
        var additional: [Int] = []
        if input.has("deploy") {
            let tags = (input.body["deploy"]?["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
            let nodes = PelicanDeployment.viableNodes(
                state, memory: input.stored("limits.memory", as: .unsignedInteger) ?? 0, disk: input.stored("limits.disk", as: .unsignedInteger) ?? 0,
                cpu: input.stored("limits.cpu", as: .unsignedInteger) ?? 0, tags: tags)
            guard !nodes.isEmpty else {
                throw PanelError.display("No nodes satisfying the requirements specified for automatic deployment could be found.", code: "NoViableNodeException")
            }
            primary = try ServerCreateRoute.freeAllocation(input, state, on: nodes)
        } else {
            primary = input.int("allocation.default")!
            additional = (input.body["allocation"]?["additional"]?.arrayValue ?? []).compactMap(\.intValue)
        }
        // ServerCreationService: `oom_killer` defaults to false (the model's `$attributes`).
        let settings = ServerCreateRoute.Settings(
            image: input.string("docker_image") ?? egg.dockerImages.first?.1 ?? "", startup: input.string("startup") ?? egg.startup,
            oomDisabled: !(input.bool("oom_killer") ?? false))
        return ServerCreateRoute.insert(input, &state, egg: egg, allocations: (primary, additional), environment: environment, settings: settings)
    }
}
