/// Application users: CRUD with the panel's non-partial PATCH.
enum UserRoutes {
    static let base = "/api/application/users"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.users), list),
            Route("GET", base + "/{user}", .application(.users), view),
            Route("GET", base + "/external/{external_id}", .application(.users), viewExternal),
            Route("POST", base, .application(.users), create),
            Route("PATCH", base + "/{user}", .application(.users), update),
            Route("DELETE", base + "/{user}", .application(.users), delete),
        ]
    }

    static let listQuery = ListQuery<User>(
        filters: [
            .init(name: "email", match: .partial) { $0.email }, .init(name: "uuid", match: .partial) { $0.uuid },
            .init(name: "username", match: .partial) { $0.username }, .init(name: "external_id", match: .partial) { $0.externalId },
        ],
        sorts: [.init(name: "id") { .number($0.id) }, .init(name: "uuid") { .text($0.uuid) }])

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let users = try listQuery.apply(state.sortedValues(state.users), query: input.query)
        let transformer = input.applicationTransformer
        return input.paginated(users) { transformer.user($0, in: state) }
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> User {
        guard let user = state.users[try input.id("user")] else { throw PanelError.notFound }
        return user
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(input.applicationTransformer.user(try find(input, state), in: state))
    }

    static func viewExternal(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let externalId = input.parameter("external_id")
        guard let user = state.users.values.first(where: { $0.externalId == externalId }) else { throw PanelError.notFound }
        return .json(input.applicationTransformer.user(user, in: state))
    }

    /// app/Models/User.php `$validationRules` as app/Http/Requests/Api/Application/Users/StoreUserRequest.php
    /// picks them (`first_name`/`last_name` for `name_first`/`name_last`); of its `attributes()` only
    /// `external_id` and `root_admin` name a validated field. UpdateUserRequest extends it.
    static func rules(_ input: RouteInput, _ state: PanelState, ignoring userId: Int?) -> [FieldRules] {
        let others = state.users.values.filter { $0.id != userId }
        let emails = Set(others.map { $0.email.lowercased() })
        let usernames = Set(others.map { $0.username.lowercased() })
        let externalIds = Set(others.compactMap(\.externalId))
        return [
            FieldRules("external_id", [.nullable, .max(191), .unique { externalIds.contains($0.stringValue ?? RuleEvaluator.scalarText($0) ?? "") }], label: "Third Party Identifier"),
            FieldRules("email", [.required, .email, .between(1, 191), .unique { emails.contains(($0.stringValue ?? "").lowercased()) }]),
            FieldRules("username", [.required, .between(1, 191), .unique { usernames.contains(($0.stringValue ?? "").lowercased()) }, .username]),
            FieldRules("password", [.nullable, .string]),
            FieldRules("language", [.string, .in(["en"])]),
            FieldRules("root_admin", [.boolean], label: "Root Administrator Status"),
            FieldRules("first_name", [.required, .string, .between(1, 191)]),
            FieldRules("last_name", [.required, .string, .between(1, 191)]),
        ]
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules(input, state, ignoring: nil))
        let id = state.nextId("users")
        let user = User(
            id: id, externalId: input.string("external_id"), uuid: state.random.uuid(),
            username: input.string("username")!.lowercased(), email: input.string("email")!,
            firstName: input.string("first_name")!, lastName: input.string("last_name")!,
            language: input.string("language") ?? "en", rootAdmin: input.bool("root_admin") ?? false,
            password: input.string("password") ?? state.random.alphanumeric(32),
            createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        state.users[id] = user
        let json = Envelope.withMeta(input.applicationTransformer.user(user, in: state), [("resource", input.resourceURL(base + "/\(id)"))])
        return .json(json, status: 201)
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var user = try find(input, state)
        try Validator.validate(input.body, rules(input, state, ignoring: user.id))
        user.externalId = input.string("external_id") ?? (input.has("external_id") ? nil : user.externalId)
        user.username = input.string("username")!.lowercased()
        user.email = input.string("email")!
        user.firstName = input.string("first_name")!
        user.lastName = input.string("last_name")!
        if let language = input.string("language") { user.language = language }
        if let admin = input.bool("root_admin") { user.rootAdmin = admin }
        if let password = input.string("password") { user.password = password }
        user.updatedAt = input.nowSeconds
        state.users[user.id] = user
        return .json(input.applicationTransformer.user(user, in: state))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let user = try find(input, state)
        if state.servers.values.contains(where: { $0.ownerId == user.id }) {
            throw PanelError.display("Cannot delete a user with active servers attached to their account. Please delete their servers before continuing.")
        }
        state.users[user.id] = nil
        for key in state.apiKeys.values where key.userId == user.id { state.apiKeys[key.id] = nil }
        for subuser in state.subusers.values where subuser.userId == user.id { state.subusers[subuser.id] = nil }
        return .noContent
    }
}
