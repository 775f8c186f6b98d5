/// Pelican's admin roles (app/Http/Controllers/Api/Application/Roles/RoleController.php):
/// paginated 10 a page, filters and sorts on id and name; the Root Admin role can be
/// neither renamed nor deleted.
enum PelicanRoleRoutes {
    static let base = "/api/application/roles"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.roles), list),
            Route("GET", base + "/{role}", .application(.roles), view),
            Route("POST", base, .application(.roles), create),
            Route("PATCH", base + "/{role}", .application(.roles), update),
            Route("DELETE", base + "/{role}", .application(.roles), delete),
        ]
    }

    static let listQuery = ListQuery<Role>(
        filters: [.init(name: "id", match: .partial) { String($0.id) }, .init(name: "name", match: .partial) { $0.name }],
        sorts: [.init(name: "id") { .number($0.id) }, .init(name: "name") { .text($0.name) }])

    /// RoleTransformer: four attributes, `toAtomString()` timestamps.
    static func render(_ role: Role) -> JSONValue {
        Envelope.item("role", [
            ("id", .int(role.id)),
            ("name", .string(role.name)),
            ("created_at", .string(Timestamp.iso(role.createdAt))),
            ("updated_at", .string(Timestamp.iso(role.updatedAt))),
        ])
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let roles = try listQuery.apply(state.sortedValues(state.roles), query: input.query)
        return input.paginated(roles, defaultPerPage: 10, render: render)
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> Role {
        guard let role = state.roles[try input.id("role")] else { throw PanelError.notFound }
        return role
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(render(try find(input, state)))
    }

    /// Roles/StoreRoleRequest.php (UpdateRoleRequest extends it): `name` `required|string`.
    static let rules = [FieldRules("name", [.required, .string])]

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules)
        let id = state.nextId("roles")
        let role = Role(id: id, name: input.string("name")!, createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        state.roles[id] = role
        return .json(Envelope.withMeta(render(role), [("resource", input.resourceURL(base + "/\(id)"))]), status: 201)
    }

    /// The controller throws a plain PanelException for the Root Admin role, which the
    /// panel's handler answers as any unexpected error (500, `PanelException`) outside debug mode.
    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var role = try find(input, state)
        try Validator.validate(input.body, rules)
        if role.isRootAdmin { throw PanelError.unexpected("PanelException") }
        role.name = input.string("name")!
        role.updatedAt = input.nowSeconds
        state.roles[role.id] = role
        return .json(render(role))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let role = try find(input, state)
        if role.isRootAdmin { throw PanelError.unexpected("PanelException") }
        state.roles[role.id] = nil
        for (id, user) in state.users { state.users[id]?.roleIds = user.roleIds.filter { $0 != role.id } }
        return .noContent
    }
}
