/// Application `POST /servers`: explicit allocation or automatic deployment; the new
/// server starts `installing` and becomes ready after the configured install time.
enum ServerCreateRoute {
    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let userIds = Set(state.users.keys)
        let eggIds = Set(state.eggs.keys)
        let free = Set(state.allocations.values.filter { $0.serverId == nil }.map(\.id))
        let externalIds = Set(state.servers.values.compactMap(\.externalId))
        let deploying = input.has("deploy")
        var rules: [FieldRules] = [
            FieldRules("external_id", [.nullable, .string, .between(1, 191), .unique { externalIds.contains($0.stringValue ?? "") }]),
            FieldRules("name", [.required, .string, .between(1, 191)]),
            FieldRules("description", [.nullable, .string]),
            FieldRules("user", [.required, .integer, .exists { $0.intValue.map(userIds.contains) ?? false }]),
            FieldRules("egg", [.required, .integer, .exists { $0.intValue.map(eggIds.contains) ?? false }]),
            FieldRules("docker_image", [.required, .string, .max(191), .regex(ServerUpdateRoutes.imagePattern)]),
            FieldRules("startup", [.required, .string]),
            FieldRules("environment", [.present, .array]),
            FieldRules("skip_scripts", [.boolean]),
            FieldRules("oom_disabled", [.boolean]),
            FieldRules("limits", [.required, .array]),
        ] + ServerBuildRoute.limitRules(prefix: "limits.") + ServerBuildRoute.featureRules
        if deploying {
            rules += [
                FieldRules("deploy", [.array]),
                FieldRules("deploy.locations", [.present, .array]),
                FieldRules("deploy.locations.*", [.integer, .min(1)]),
                FieldRules("deploy.dedicated_ip", [.required]),
                FieldRules("deploy.port_range", [.present, .array]),
                FieldRules("deploy.port_range.*", [.string]),
            ]
        } else {
            rules += [
                FieldRules("allocation.default", [.required, .integer, .exists { $0.intValue.map(free.contains) ?? false }]),
                FieldRules("allocation.additional", [.array]),
                FieldRules("allocation.additional.*", [.integer, .exists { $0.intValue.map(free.contains) ?? false }]),
            ]
        }
        rules.append(FieldRules("start_on_completion", [.boolean]))
        try Validator.validate(input.body, rules)
        let egg = state.eggs[input.int("egg")!]!
        let variables = state.variables(ofEgg: egg.id)
        let environment = input.body["environment"] ?? .object([])
        try EggVariableRules.validate(environment, variables: variables)
        let primary: Int
        var additional: [Int] = []
        if deploying {
            primary = try deploy(input, state)
        } else {
            primary = input.int("allocation.default")!
            additional = (input.body["allocation"]?["additional"]?.arrayValue ?? []).compactMap(\.intValue)
        }
        let nodeId = state.allocations[primary]!.nodeId
        let id = state.nextId("servers")
        let server = Server(
            id: id, externalId: input.string("external_id"), uuid: state.random.uuid(), name: input.string("name")!,
            description: input.string("description") ?? "", status: "installing", ownerId: input.int("user")!, nodeId: nodeId,
            allocationId: primary, nestId: egg.nestId, eggId: egg.id, memory: input.int("limits.memory")!,
            swap: input.int("limits.swap")!, disk: input.int("limits.disk")!, io: input.int("limits.io")!,
            cpu: input.int("limits.cpu")!, threads: input.string("limits.threads"), oomDisabled: input.bool("oom_disabled") ?? true,
            databaseLimit: input.int("feature_limits.databases"), allocationLimit: input.int("feature_limits.allocations"),
            backupLimit: input.int("feature_limits.backups"), startup: input.string("startup")!, image: input.string("docker_image")!,
            variableValues: EggVariableRules.values(environment, variables: variables),
            createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        state.servers[id] = server
        state.indexServer(server)
        state.setTimedStatus(id, status: "installing", seconds: state.timing.installSeconds, now: input.now)
        state.allocations[primary]?.serverId = id
        for allocationId in additional where state.allocations[allocationId]?.nodeId == nodeId {
            state.allocations[allocationId]?.serverId = id
        }
        return .json(input.applicationTransformer.server(state.servers[id]!, in: state), status: 201)
    }

    private static func deploy(_ input: RouteInput, _ state: PanelState) throws -> Int {
        let locations = Set((input.body["deploy"]?["locations"]?.arrayValue ?? []).compactMap(\.intValue))
        let nodes = Deployment.viableNodes(state, memory: input.int("limits.memory") ?? 0, disk: input.int("limits.disk") ?? 0, locationIds: locations)
        guard !nodes.isEmpty else {
            throw PanelError.display("No nodes satisfying the requirements specified for automatic deployment could be found.", code: "NoViableNodeException")
        }
        var ports: Set<Int> = []
        for item in input.body["deploy"]?["port_range"]?.arrayValue ?? [] {
            guard let text = RuleEvaluator.scalarText(item) else { continue }
            let ends = text.split(separator: "-").compactMap { Int($0) }
            if ends.count == 2, ends[0] <= ends[1] { ports.formUnion(ends[0]...ends[1]) } else if let port = ends.first { ports.insert(port) }
        }
        let nodeIds = Set(nodes.map(\.id))
        let candidate = state.sortedValues(state.allocations).first { allocation in
            allocation.serverId == nil && nodeIds.contains(allocation.nodeId) && (ports.isEmpty || ports.contains(allocation.port))
        }
        guard let allocation = candidate else {
            throw PanelError.display("No allocations satisfying the requirements for automatic deployment were found.", code: "NoViableAllocationException")
        }
        return allocation.id
    }
}
