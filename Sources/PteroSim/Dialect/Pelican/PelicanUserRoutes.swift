/// Pelican's application users: no first or last name, `is_managed_externally` and
/// `timezone`, roles instead of a `root_admin` flag
/// (app/Http/Controllers/Api/Application/Users/UserController.php).
enum PelicanUserRoutes {
    static let base = UserRoutes.base

    /// app/Models/User.php `$validationRules`, as Users/StoreUserRequest.php picks them, with its
    /// `attributes()`; Users/UpdateUserRequest.php ignores the user's own row for `unique`.
    static func rules(_ state: PanelState, ignoring userId: Int?) -> [FieldRules] {
        let others = state.users.values.filter { $0.id != userId }
        let emails = Set(others.map { $0.email.lowercased() })
        let usernames = Set(others.map { $0.username.lowercased() })
        let externalIds = Set(others.compactMap(\.externalId))
        return [
            FieldRules("external_id", [.sometimes, .nullable, .string, .max(255), .unique { externalIds.contains($0.stringValue ?? "") }],
                       label: "Third Party Identifier"),
            FieldRules("is_managed_externally", [.boolean], label: "Is managed by Third Party?"),
            FieldRules("email", [.required, .email, .between(1, 255), .unique { emails.contains(($0.stringValue ?? "").lowercased()) }]),
            FieldRules("username", [.required, .between(1, 255), .unique { usernames.contains(($0.stringValue ?? "").lowercased()) }]),
            FieldRules("password", [.sometimes, .nullable, .string]),
            FieldRules("language", [.string]),
            FieldRules("timezone", [.string]),
        ]
    }

    /// User.php's `username` has no `string` rule: a number passes `between:1,255` and is
    /// stored as its text.
    static func username(_ input: RouteInput) -> String {
        (Validator.lookup("username", in: input.body).flatMap(RuleEvaluator.scalarText) ?? "").lowercased()
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules(state, ignoring: nil))
        let id = state.nextId("users")
        var user = User(
            id: id, externalId: input.string("external_id"), uuid: state.random.uuid(),
            username: username(input), email: input.string("email") ?? "", firstName: "", lastName: "",
            language: input.string("language") ?? "en", rootAdmin: false,
            password: input.string("password") ?? state.random.alphanumeric(32), createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        user.isManagedExternally = input.bool("is_managed_externally") ?? false
        user.timezone = input.string("timezone") ?? "UTC"
        state.users[id] = user
        let json = Envelope.withMeta(input.applicationTransformer.user(user, in: state), [("resource", input.resourceURL(base + "/\(id)"))])
        return .json(json, status: 201)
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var user = try UserRoutes.find(input, state)
        try Validator.validate(input.body, rules(state, ignoring: user.id))
        if input.has("external_id") { user.externalId = input.string("external_id") }
        user.username = username(input)
        user.email = input.string("email") ?? user.email
        if let flag = input.bool("is_managed_externally") { user.isManagedExternally = flag }
        if let language = input.string("language") { user.language = language }
        if let timezone = input.string("timezone") { user.timezone = timezone }
        if let password = input.string("password") { user.password = password }
        user.updatedAt = input.nowSeconds
        state.users[user.id] = user
        return .json(input.applicationTransformer.user(user, in: state))
    }

    /// `UserController@delete`: a root admin is refused with an empty 403; otherwise 1.x's checks.
    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let user = try UserRoutes.find(input, state)
        if user.rootAdmin { return .json(.array([]), status: 403) }
        return try UserRoutes.delete(input, &state)
    }

    /// Users/AssignUserRolesRequest.php: `roles` `required|array`, each `integer|exists:roles,id`.
    static func roleRules(_ state: PanelState) -> [FieldRules] {
        let roleIds = Set(state.roles.keys)
        return [
            FieldRules("roles", [.required, .array]),
            FieldRules("roles.*", [.integer, .exists { $0.intValue.map(roleIds.contains) ?? false }]),
        ]
    }

    /// `UserController@assignRoles`/`removeRoles`: a root admin's roles never change and the
    /// Root Admin role is never given or taken through the API.
    static func changeRoles(_ input: RouteInput, _ state: inout PanelState, assign: Bool) throws -> SimResponse {
        var user = try UserRoutes.find(input, state)
        try Validator.validate(input.body, roleRules(state))
        if !user.rootAdmin {
            let rootRole = state.roles.values.first { $0.isRootAdmin }?.id
            for roleId in (input.body["roles"]?.arrayValue ?? []).compactMap(\.intValue) where roleId != rootRole {
                if assign && !user.roleIds.contains(roleId) { user.roleIds.append(roleId) }
                if !assign { user.roleIds.removeAll { $0 == roleId } }
            }
            state.users[user.id] = user
        }
        return .json(input.applicationTransformer.user(user, in: state))
    }
}
