/// Client subusers, addressed by the subuser's user UUID.
enum SubuserRoutes {
    static var routes: [Route] {
        [
            ClientRoutes.onServer("GET", "/users", list),
            ClientRoutes.onServer("POST", "/users", create),
            ClientRoutes.onServer("GET", "/users/{user}", view),
            ClientRoutes.onServer("POST", "/users/{user}", update),
            ClientRoutes.onServer("DELETE", "/users/{user}", delete),
        ]
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> (Subuser, User) {
        let uuid = input.parameter("user")
        guard let user = state.users.values.first(where: { $0.uuid == uuid }),
              let subuser = state.subusers.values.first(where: { $0.serverId == input.serverId && $0.userId == user.id })
        else { throw PanelError.notFound }
        if user.id == input.user.id { throw PanelError.unauthorized }
        return (subuser, user)
    }

    /// Drops unknown keys, always adds `websocket.connect`, refuses keys the caller lacks.
    static func permissions(_ input: RouteInput, known: Set<String>) throws -> [String] {
        let requested = (input.body["permissions"]?.arrayValue ?? []).compactMap(\.stringValue)
        var permissions = requested.filter(known.contains)
        if !permissions.contains("websocket.connect") { permissions.append("websocket.connect") }
        if !input.access.hasAllPermissions, !permissions.allSatisfy(input.access.can) {
            throw PanelError.forbidden("Cannot assign permissions to a subuser that your account does not actively possess.")
        }
        return permissions
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("user.read")
        let transformer = input.clientTransformer
        return .json(Envelope.list(state.subusers(ofServer: input.serverId).compactMap { subuser in
            state.users[subuser.userId].map { transformer.subuser($0, permissions: subuser.permissions) }
        }))
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("user.create")
        try Validator.validate(input.body, [
            FieldRules("email", [.required, .email, .between(1, 191)]),
            FieldRules("permissions", [.required, .array]),
            FieldRules("permissions.*", [.string]),
        ])
        let permissions = try permissions(input, known: state.subuserPermissionKeys)
        let email = input.string("email")!.lowercased()
        let server = state.servers[input.serverId]!
        var user = state.users.values.first { $0.email.lowercased() == email }
        if user?.id == server.ownerId {
            throw PanelError.display("You cannot add the server owner as a subuser for this server.", code: "UserIsServerOwnerException")
        }
        if let existing = user, state.subusers.values.contains(where: { $0.serverId == server.id && $0.userId == existing.id }) {
            throw PanelError.display("A user with that email address is already assigned as a subuser for this server.", code: "ServerSubuserExistsException")
        }
        if user == nil {
            let id = state.nextId("users")
            let local = String(email.prefix { $0 != "@" }.filter { $0.isLetter || $0.isNumber || "_.-".contains($0) }.prefix(64))
            let created = User(
                id: id, externalId: nil, uuid: state.random.uuid(), username: local + state.random.alphanumeric(3).lowercased(),
                email: email, firstName: "Server", lastName: "Subuser", rootAdmin: false,
                password: state.random.alphanumeric(32), createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
            state.users[id] = created
            user = created
        }
        let id = state.nextId("subusers")
        state.subusers[id] = Subuser(id: id, userId: user!.id, serverId: server.id, permissions: permissions, createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        state.log("server:subuser.create", input: input, serverId: server.id, properties: [("email", .string(email))])
        return .json(input.clientTransformer.subuser(user!, permissions: permissions))
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("user.read")
        let (subuser, user) = try find(input, state)
        return .json(input.clientTransformer.subuser(user, permissions: subuser.permissions))
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("user.update")
        let (subuser, user) = try find(input, state)
        // app/Http/Requests/Api/Client/Servers/Subusers/UpdateSubuserRequest.php: `required|array`, so [] is refused.
        try Validator.validate(input.body, [FieldRules("permissions", [.required, .array]), FieldRules("permissions.*", [.string])])
        let permissions = try permissions(input, known: state.subuserPermissionKeys)
        state.subusers[subuser.id]?.permissions = permissions
        state.subusers[subuser.id]?.updatedAt = input.nowSeconds
        state.log("server:subuser.update", input: input, serverId: input.serverId, properties: [("email", .string(user.email))])
        return .json(input.clientTransformer.subuser(user, permissions: permissions))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("user.delete")
        let (subuser, user) = try find(input, state)
        state.subusers[subuser.id] = nil
        state.log("server:subuser.delete", input: input, serverId: input.serverId, properties: [("email", .string(user.email))])
        return .noContent
    }
}
