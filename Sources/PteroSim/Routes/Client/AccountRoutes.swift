/// The client root (server list, permissions) and the account: profile, 2FA, e-mail,
/// password, activity.
enum AccountRoutes {
    static let base = "/api/client/account"

    static var routes: [Route] {
        [
            Route("GET", "/api/client", .client, ClientServerList.list),
            Route("GET", "/api/client/permissions", .client) { _, _ in .json(SubuserPermissions.json) },
            Route("GET", base, .client) { input, _ in .json(input.clientTransformer.account(input.user)) },
            Route("GET", base + "/two-factor", .client, TwoFactorRoutes.setup),
            Route("POST", base + "/two-factor", .client, TwoFactorRoutes.enable),
            Route("POST", base + "/two-factor/disable", .client, TwoFactorRoutes.disable),
            Route("PUT", base + "/email", .client, updateEmail),
            Route("PUT", base + "/password", .client, updatePassword),
            Route("GET", base + "/activity", .client, activity),
        ]
    }

    static func invalidPassword() -> PanelError {
        PanelError.display("The password provided was invalid for this account.", code: "InvalidPasswordProvidedException")
    }

    static func updateEmail(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        guard input.string("password") == input.user.password else { throw invalidPassword() }
        let emails = Set(state.users.values.filter { $0.id != input.user.id }.map { $0.email.lowercased() })
        try Validator.validate(input.body, [
            FieldRules("email", [.required, .email, .between(1, 191), .unique { emails.contains(($0.stringValue ?? "").lowercased()) }]),
        ])
        state.users[input.user.id]?.email = input.string("email")!
        state.users[input.user.id]?.updatedAt = input.nowSeconds
        state.log("user:account.email-changed", input: input)
        return .noContent
    }

    static func updatePassword(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        guard input.string("current_password") == input.user.password else { throw invalidPassword() }
        // app/Http/Requests/Api/Client/Account/UpdatePasswordRequest.php: `confirmed` before `min:8`.
        try Validator.validate(input.body, [FieldRules("password", [.required, .string, .confirmed, .min(8)])])
        state.users[input.user.id]?.password = input.string("password")!
        state.log("user:account.password-changed", input: input)
        return .noContent
    }

    static let activityQuery = ListQuery<ActivityLog>(
        filters: [.init(name: "event", match: .partial) { $0.event }],
        sorts: [.init(name: "timestamp") { .number($0.timestamp) }])

    static func activity(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let logs = state.sortedValues(state.activity)
            .filter { $0.actorId == input.user.id && $0.event != "server:file.upload" }
            .sorted { ($0.timestamp, $0.id) > ($1.timestamp, $1.id) }
        return try render(activity: logs, input: input, state: state)
    }

    static func render(activity logs: [ActivityLog], input: RouteInput, state: PanelState) throws -> SimResponse {
        let filtered = try activityQuery.apply(logs, query: input.query)
        let transformer = input.clientTransformer
        return input.paginated(filtered, defaultPerPage: 25, cap: 100, keepQuery: true) { transformer.activity($0, in: state) }
    }
}
