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
            // app/Models/Server.php: `name` is `required|string|min:1|max:191` (StoreServerRequest.php).
            FieldRules("name", [.required, .string, .min(1), .max(191)]),
            FieldRules("description", [.nullable, .string]),
            FieldRules("user", [.required, .integer, .exists { $0.intValue.map(userIds.contains) ?? false }]),
            // Server.php's `egg_id` is `required|exists:eggs,id`: no `integer`, so "x" is "The selected egg is invalid."
            FieldRules("egg", [.required, .exists { RuleEvaluator.databaseId($0).map(eggIds.contains) ?? false }]),
            FieldRules("docker_image", [.required, .string, .max(191), .regex(ServerUpdateRoutes.imagePattern)]),
            FieldRules("startup", [.required, .string]),
            FieldRules("environment", [.present, .array]),
            FieldRules("skip_scripts", [.boolean]),
            FieldRules("oom_disabled", [.boolean]),
            FieldRules("limits", [.required, .array]),
        ] + ServerBuildRoute.limitRules(prefix: "limits.", order: ["memory", "swap", "disk", "io", "threads", "cpu"])
          + ServerBuildRoute.featureRules(labelled: false, dialect: state.dialect)
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
        return insert(input, &state, egg: egg, allocations: (primary, additional), environment: environment, settings: Settings(
            image: input.string("docker_image")!, startup: input.string("startup")!, oomDisabled: input.bool("oom_disabled") ?? true))
    }

    /// What a dialect's request decides beyond the shared fields.
    struct Settings {
        var image: String
        var startup: String
        var oomDisabled: Bool
    }

    /// Stores a validated new server on its primary allocation's node, installing (shared by the dialects).
    static func insert(
        _ input: RouteInput, _ state: inout PanelState, egg: Egg, allocations: (primary: Int, additional: [Int]),
        environment: JSONValue, settings: Settings
    ) -> SimResponse {
        let (primary, additional) = allocations
        let variables = state.variables(ofEgg: egg.id)
        let nodeId = state.allocations[primary]!.nodeId
        let id = state.nextId("servers")
        let server = Server(
            id: id, externalId: input.string("external_id"), uuid: state.random.uuid(), name: input.string("name")!,
            description: input.string("description") ?? "", status: "installing", ownerId: input.int("user")!, nodeId: nodeId,
            allocationId: primary, nestId: egg.nestId, eggId: egg.id, memory: input.stored("limits.memory", as: .unsignedInteger) ?? 0,
            swap: input.stored("limits.swap", as: .integer) ?? 0, disk: input.stored("limits.disk", as: .unsignedInteger) ?? 0,
            io: input.stored("limits.io", as: .unsignedInteger) ?? 500, cpu: input.stored("limits.cpu", as: .unsignedInteger) ?? 0,
            threads: input.string("limits.threads"), oomDisabled: settings.oomDisabled,
            databaseLimit: input.stored("feature_limits.databases", as: .unsignedInteger),
            allocationLimit: input.stored("feature_limits.allocations", as: .unsignedInteger),
            backupLimit: input.stored("feature_limits.backups", as: .unsignedInteger), startup: settings.startup, image: settings.image,
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
        let nodes = Deployment.viableNodes(
            state, memory: input.stored("limits.memory", as: .unsignedInteger) ?? 0,
            disk: input.stored("limits.disk", as: .unsignedInteger) ?? 0, locationIds: locations)
        guard !nodes.isEmpty else {
            throw PanelError.display("No nodes satisfying the requirements specified for automatic deployment could be found.", code: "NoViableNodeException")
        }
        return try freeAllocation(input, state, on: nodes)
    }

    /// The first free allocation on one of `nodes` within `deploy.port_range` (AllocationSelectionService).
    static func freeAllocation(_ input: RouteInput, _ state: PanelState, on nodes: [Node]) throws -> Int {
        let ports = try portRanges(input.body["deploy"]?["port_range"]?.arrayValue ?? [])
        let nodeIds = Set(nodes.map(\.id))
        let candidate = state.sortedValues(state.allocations).first { allocation in
            allocation.serverId == nil && nodeIds.contains(allocation.nodeId)
                && (ports.isEmpty || ports.contains { $0.contains(allocation.port) })
        }
        guard let allocation = candidate else {
            throw PanelError.display("No allocations satisfying the requirements for automatic deployment were found.", code: "NoViableAllocationException")
        }
        return allocation.id
    }

    /// `deploy.port_range` as the panel's AllocationSelectionService::setPorts reads it: all
    /// digits is one port, `NNNN-NNNNN` a range of at most 1000 ports (kept as a range, never
    /// expanded; a reversed one matches no port), anything else is ignored.
    static func portRanges(_ items: [JSONValue]) throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for item in items {
            guard let text = RuleEvaluator.scalarText(item) else { continue }
            if RuleEvaluator.matches(text, "^[0-9]+$") {
                // A port beyond Int cannot match an allocation's port.
                if let port = Int(text), port < Int.max { ranges.append(port..<port + 1) }
            } else if RuleEvaluator.matches(text, "^[0-9]{4,5}-[0-9]{4,5}$") {
                let ends = text.split(separator: "-").compactMap { Int($0) }
                guard ends.count == 2 else { continue }
                if abs(ends[1] - ends[0]) > 1000 {
                    throw PanelError.display("Adding more than 1000 ports in a single range at once is not supported.", code: "DisplayException")
                }
                // The panel's SQL `BETWEEN low AND high` matches nothing when low > high.
                ranges.append(ends[0] <= ends[1] ? ends[0]..<ends[1] + 1 : ends[0]..<ends[0])
            }
        }
        return ranges
    }
}
