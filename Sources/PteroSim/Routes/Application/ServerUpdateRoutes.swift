/// Application server `details` and `startup` PATCHes (both non-partial).
enum ServerUpdateRoutes {
    static func details(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var server = try ServerRoutes.find(input, state)
        let userIds = Set(state.users.keys)
        let externalIds = Set(state.servers.values.filter { $0.id != server.id }.compactMap(\.externalId))
        // app/Http/Requests/Api/Application/Servers/UpdateServerDetailsRequest.php: app/Models/Server.php's
        // rules (`name` is min:1|max:191, not between) and its `attributes()`.
        try Validator.validate(input.body, [
            FieldRules("external_id", [.nullable, .string, .between(1, 191), .unique { externalIds.contains($0.stringValue ?? "") }]),
            FieldRules("name", [.required, .string, .min(1), .max(191)], label: "Server Name"),
            FieldRules("user", [.required, .integer, .exists { $0.intValue.map(userIds.contains) ?? false }], label: "User ID"),
            FieldRules("description", [.nullable, .string]),
        ])
        server.externalId = input.string("external_id")
        server.name = input.string("name")!
        server.ownerId = input.int("user")!
        server.description = input.string("description") ?? ""
        server.updatedAt = input.nowSeconds
        state.servers[server.id] = server
        return .json(input.applicationTransformer.server(server, in: state))
    }

    /// app/Models/Server.php `$validationRules['image']` at v1.11.8.
    static let imagePattern = "/^[\\w\\.\\/\\-:@ ]*$/"

    static func startup(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try ServerRoutes.find(input, state)
        let eggIds = Set(state.eggs.keys)
        try Validator.validate(input.body, [
            FieldRules("startup", [.required, .string]),
            FieldRules("environment", [.present, .array]),
            // UpdateServerStartupRequest.php: Server.php's `egg_id` (`required|exists:eggs,id`) and `image`.
            FieldRules("egg", [.required, .exists { RuleEvaluator.databaseId($0).map(eggIds.contains) ?? false }]),
            FieldRules("image", [.required, .string, .max(191), .regex(imagePattern)]),
            FieldRules("skip_scripts", [.present, .boolean]),
        ])
        return try applyStartup(input, &state, to: server, startup: input.string("startup")!, image: input.string("image")!)
    }

    /// Applies a validated startup change (shared by the dialects): the egg, its variables'
    /// values (kept when the environment is empty and the egg stays), startup and image.
    static func applyStartup(_ input: RouteInput, _ state: inout PanelState, to server: Server, startup: String, image: String) throws -> SimResponse {
        var server = server
        let egg = state.eggs[input.int("egg")!]!
        let environment = input.body["environment"] ?? .object([])
        let variables = state.variables(ofEgg: egg.id)
        if !(environment.objectValue ?? []).isEmpty {
            try EggVariableRules.validate(environment, variables: variables)
            server.variableValues = EggVariableRules.values(environment, variables: variables)
        } else if egg.id != server.eggId {
            server.variableValues = [:]
        }
        server.startup = startup
        server.eggId = egg.id
        server.nestId = egg.nestId
        server.image = image
        server.updatedAt = input.nowSeconds
        state.servers[server.id] = server
        return .json(input.applicationTransformer.server(server, in: state))
    }
}
