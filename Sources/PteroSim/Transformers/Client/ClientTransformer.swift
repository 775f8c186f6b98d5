import Foundation

/// Renders client-API objects; what a subuser sees depends on their permissions
/// (hidden variables, primary allocation only, `null_resource` relationships).
struct ClientTransformer {
    let includes: Includes
    let caller: Caller
    let access: ServerAccess?

    func can(_ permission: String) -> Bool { access?.can(permission) ?? true }

    func server(_ server: Server, in state: PanelState, access serverAccess: ServerAccess) -> JSONValue {
        let node = state.nodes[server.nodeId]
        let canReadStartup = serverAccess.can("startup.read")
        let invocation = state.invocation(of: server) { !canReadStartup || !$0.userViewable }
        let allocations: [Allocation] = serverAccess.can("allocation.read")
            ? state.allocations(ofServer: server.id)
            : state.allocations[server.allocationId].map { [$0] } ?? []
        var relationships: [(String, JSONValue)] = [
            ("allocations", Envelope.list(allocations.map { allocation in
                var shown = allocation
                if !serverAccess.can("allocation.read") { shown.notes = nil }
                return self.allocation(shown, primaryId: server.allocationId)
            })),
            ("variables", canReadStartup
                ? Envelope.list(state.variables(ofEgg: server.eggId).filter(\.userViewable).map { variable($0, server: server, in: state) })
                : Envelope.nullResource),
        ]
        if includes.has("egg"), let egg = state.eggs[server.eggId] {
            relationships.append(("egg", Envelope.item("egg", [("uuid", .string(egg.uuid)), ("name", .string(egg.name))])))
        }
        if includes.has("subusers") {
            relationships.append(("subusers", serverAccess.can("user.read")
                ? Envelope.list(state.subusers(ofServer: server.id).compactMap { subuser in
                    state.users[subuser.userId].map { self.subuser($0, permissions: subuser.permissions) }
                })
                : Envelope.nullResource))
        }
        let egg = state.eggs[server.eggId]
        return Envelope.item("server", [
            ("server_owner", .bool(server.ownerId == caller.user.id)),
            ("identifier", .string(server.identifier)),
            ("internal_id", .int(server.id)),
            ("uuid", .string(server.uuid)),
            ("name", .string(server.name)),
            ("node", .string(node?.name ?? "")),
            ("is_node_under_maintenance", .bool(node?.maintenanceMode ?? false)),
            ("sftp_details", .object([("ip", .string(node?.fqdn ?? "")), ("port", .int(node?.daemonSftp ?? 2022))])),
            ("description", .string(server.description)),
            ("limits", .object([
                ("memory", .int(server.memory)), ("swap", .int(server.swap)), ("disk", .int(server.disk)),
                ("io", .int(server.io)), ("cpu", .int(server.cpu)), ("threads", .optional(server.threads)),
                ("oom_disabled", .bool(server.oomDisabled)),
            ])),
            ("invocation", .string(invocation)),
            ("docker_image", .string(server.image)),
            ("egg_features", egg?.features.map { .array($0.map { .string($0) }) } ?? .null),
            ("feature_limits", .object([
                ("databases", .optional(server.databaseLimit)), ("allocations", .optional(server.allocationLimit)),
                ("backups", .optional(server.backupLimit)),
            ])),
            ("status", .optional(server.status)),
            ("is_suspended", .bool(server.status == "suspended")),
            ("is_installing", .bool(server.status == "installing")),
            ("is_transferring", .bool(false)),
        ], relationships: relationships)
    }

    func allocation(_ allocation: Allocation, primaryId: Int) -> JSONValue {
        Envelope.item("allocation", [
            ("id", .int(allocation.id)),
            ("ip", .string(allocation.ip)),
            ("ip_alias", .optional(allocation.alias)),
            ("port", .int(allocation.port)),
            ("notes", .optional(allocation.notes)),
            ("is_default", .bool(allocation.id == primaryId)),
        ])
    }

    func variable(_ variable: EggVariable, server: Server, in state: PanelState) -> JSONValue {
        Envelope.item("egg_variable", [
            ("name", .string(variable.name)),
            ("description", .string(variable.description)),
            ("env_variable", .string(variable.envVariable)),
            ("default_value", .string(variable.defaultValue)),
            ("server_value", .optional(server.variableValues[variable.id])),
            ("is_editable", .bool(variable.userEditable)),
            ("rules", .string(variable.rules)),
        ])
    }

    func userAttributes(_ user: User) -> [(String, JSONValue)] {
        [
            ("uuid", .string(user.uuid)),
            ("username", .string(user.username)),
            ("email", .string(user.email)),
            ("image", .string("https://gravatar.com/avatar/" + MD5.hex(Array(user.email.lowercased().utf8)))),
            ("2fa_enabled", .bool(user.twoFactorEnabled)),
            ("created_at", .string(Timestamp.iso(user.createdAt))),
        ]
    }

    func user(_ user: User) -> JSONValue { Envelope.item("user", userAttributes(user)) }

    func subuser(_ user: User, permissions: [String]) -> JSONValue {
        Envelope.item("server_subuser", userAttributes(user) + [("permissions", .array(permissions.map { .string($0) }))])
    }
}
