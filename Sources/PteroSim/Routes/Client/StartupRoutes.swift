/// Startup variables and server settings (rename, reinstall, docker image).
enum StartupRoutes {
    static var routes: [Route] {
        [
            ClientRoutes.onServer("GET", "/startup", view),
            ClientRoutes.onServer("PUT", "/startup/variable", updateVariable),
            ClientRoutes.onServer("POST", "/settings/rename", rename),
            ClientRoutes.onServer("POST", "/settings/reinstall", reinstall),
            ClientRoutes.onServer("PUT", "/settings/docker-image", dockerImage),
        ]
    }

    static func startupMeta(_ server: Server, _ state: PanelState) -> [(String, JSONValue)] {
        [
            ("startup_command", .string(state.invocation(of: server) { !$0.userViewable })),
            ("raw_startup_command", .string(server.startup)),
        ]
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("startup.read")
        let server = state.servers[input.serverId]!
        let transformer = input.clientTransformer
        let variables = state.variables(ofEgg: server.eggId).filter(\.userViewable).map { transformer.variable($0, server: server, in: state) }
        let images = state.eggs[server.eggId]?.dockerImages.map { ($0.0, JSONValue.string($0.1)) } ?? []
        var meta = startupMeta(server, state)
        meta.insert(("docker_images", .object(images)), at: 1)
        return .json(Envelope.list(variables, meta: meta))
    }

    static func updateVariable(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("startup.update")
        try Validator.validate(input.body, [
            FieldRules("key", [.required, .string]),
            FieldRules("value", [.present]),
        ])
        var server = state.servers[input.serverId]!
        guard let variable = state.variables(ofEgg: server.eggId).first(where: { $0.envVariable == input.string("key") }) else {
            throw PanelError.internalError
        }
        guard variable.userViewable else { throw PanelError.badRequest("The environment variable you are trying to edit does not exist.") }
        guard variable.userEditable else { throw PanelError.badRequest("The environment variable you are trying to edit is read-only.") }
        // app/Http/Controllers/Api/Client/Servers/StartupController.php `update`: `validate($request, ['value' =>
        // $variable->rules])`, no attribute name, so messages say "The value field ...".
        try Validator.validate(input.body, [FieldRules("value", RuleString.parse(variable.rules))])
        let value = Validator.lookup("value", in: input.body).flatMap(RuleEvaluator.scalarText) ?? ""
        server.variableValues[variable.id] = value
        state.servers[server.id] = server
        state.log("server:startup.edit", input: input, serverId: server.id, properties: [("variable", .string(variable.envVariable)), ("new", .string(value))])
        let json = input.clientTransformer.variable(variable, server: server, in: state)
        return .json(Envelope.withMeta(json, startupMeta(server, state)))
    }

    static func rename(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("settings.rename")
        try Validator.validate(input.body, [
            // app/Http/Requests/Api/Client/Servers/Settings/RenameServerRequest.php: Server.php's `name`.
            FieldRules("name", [.required, .string, .min(1), .max(191)]),
            FieldRules("description", [.nullable, .string]),
        ])
        state.servers[input.serverId]?.name = input.string("name")!
        if input.has("description") { state.servers[input.serverId]?.description = input.string("description") ?? "" }
        state.log("server:settings.rename", input: input, serverId: input.serverId, properties: [("new", .string(input.string("name")!))])
        return .noContent
    }

    static func reinstall(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("settings.reinstall")
        state.power(input.serverId, signal: "kill", now: input.now)
        state.setTimedStatus(input.serverId, status: "installing", seconds: state.timing.installSeconds, now: input.now)
        state.log("server:reinstall", input: input, serverId: input.serverId)
        return .acceptedEmptyList
    }

    static func dockerImage(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("startup.docker-image")
        let server = state.servers[input.serverId]!
        let images = state.eggs[server.eggId]?.dockerImages.map(\.1) ?? []
        // app/Http/Requests/Api/Client/Servers/Settings/SetDockerImageRequest.php.
        try Validator.validate(input.body, [FieldRules("docker_image", [
            .required, .string, .max(191), .regex("/^[\\w#\\.\\/\\- ]*\\|*[\\w\\.\\/\\-:@ ]*$/"), .in(images),
        ])])
        guard images.contains(server.image) else {
            throw PanelError.badRequest("This server's Docker image has been manually set by an administrator and cannot be updated.")
        }
        state.servers[input.serverId]?.image = input.string("docker_image")!
        state.log("server:startup.image", input: input, serverId: input.serverId, properties: [("new", .string(input.string("docker_image")!))])
        return .noContent
    }
}
