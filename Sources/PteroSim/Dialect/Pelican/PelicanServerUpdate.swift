/// Pelican's `PATCH servers/{id}/details` and `startup`: app/Models/Server.php's rules at
/// 255 characters, and a startup change whose command and image may be left out
/// (Servers/UpdateServerDetailsRequest.php, Servers/UpdateServerStartupRequest.php).
enum PelicanServerUpdate {
    static func details(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var server = try ServerRoutes.find(input, state)
        let userIds = Set(state.users.keys)
        let externalIds = Set(state.servers.values.filter { $0.id != server.id }.compactMap(\.externalId))
        try Validator.validate(input.body, [
            FieldRules("external_id", [.sometimes, .nullable, .string, .between(1, 255), .unique { externalIds.contains($0.stringValue ?? "") }]),
            FieldRules("name", [.required, .string, .min(1), .max(255)], label: "Server Name"),
            FieldRules("user", [.required, .integer, .exists { $0.intValue.map(userIds.contains) ?? false }], label: "User ID"),
            FieldRules("description", [.nullable, .string]),
        ])
        // The request's `validated()` reads every field from the input, so an absent one is null.
        server.externalId = input.string("external_id")
        server.name = input.string("name")!
        server.ownerId = input.int("user")!
        server.description = input.string("description") ?? ""
        server.updatedAt = input.nowSeconds
        state.servers[server.id] = server
        return .json(input.applicationTransformer.server(server, in: state))
    }

    static func startup(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try ServerRoutes.find(input, state)
        let eggIds = Set(state.eggs.keys)
        try Validator.validate(input.body, [
            FieldRules("startup", [.sometimes, .string]),
            FieldRules("environment", [.present, .array]),
            FieldRules("egg", [.required, .exists { RuleEvaluator.databaseId($0).map(eggIds.contains) ?? false }]),
            FieldRules("image", [.sometimes, .string]),
            FieldRules("skip_scripts", [.present, .boolean]),
        ])
        return try ServerUpdateRoutes.applyStartup(
            input, &state, to: server, startup: input.string("startup") ?? server.startup, image: input.string("image") ?? server.image)
    }
}
