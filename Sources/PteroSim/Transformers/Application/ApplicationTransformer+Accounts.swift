/// Users, locations and subusers on the application API.
extension ApplicationTransformer {
    func user(_ user: User, in state: PanelState) -> JSONValue {
        Envelope.item("user", [
            ("id", .int(user.id)),
            ("external_id", .optional(user.externalId)),
            ("uuid", .string(user.uuid)),
            ("username", .string(user.username)),
            ("email", .string(user.email)),
            ("first_name", .string(user.firstName)),
            ("last_name", .string(user.lastName)),
            ("language", .string(user.language)),
            ("root_admin", .bool(user.rootAdmin)),
            ("2fa", .bool(user.twoFactorEnabled)),
            ("created_at", .string(Timestamp.iso(user.createdAt))),
            ("updated_at", .string(Timestamp.iso(user.updatedAt))),
        ], relationships: relationships([("servers", .servers)]) { _, child in
            Envelope.list(state.servers(where: { $0.ownerId == user.id }).map { child.server($0, in: state) })
        })
    }

    func location(_ location: Location, in state: PanelState) -> JSONValue {
        Envelope.item("location", [
            ("id", .int(location.id)),
            ("short", .string(location.short)),
            ("long", .optional(location.long)),
            ("updated_at", .string(Timestamp.iso(location.updatedAt))),
            ("created_at", .string(Timestamp.iso(location.createdAt))),
        ], relationships: relationships([("nodes", .nodes), ("servers", .servers)]) { name, child in
            if name == "nodes" {
                return Envelope.list(state.sortedValues(state.nodes).filter { $0.locationId == location.id }.map { child.node($0, in: state) })
            }
            let nodeIds = Set(state.nodes.values.filter { $0.locationId == location.id }.map(\.id))
            return Envelope.list(state.servers(where: { nodeIds.contains($0.nodeId) }).map { child.server($0, in: state) })
        })
    }

    func subuser(_ subuser: Subuser, in state: PanelState) -> JSONValue {
        Envelope.item("subuser", [
            ("id", .int(subuser.id)),
            ("user_id", .int(subuser.userId)),
            ("server_id", .int(subuser.serverId)),
            ("permissions", .array(subuser.permissions.map { .string($0) })),
            ("created_at", .string(Timestamp.iso(subuser.createdAt))),
            ("updated_at", .string(Timestamp.iso(subuser.updatedAt))),
        ], relationships: relationships([("user", .users), ("server", .servers)]) { name, child in
            if name == "user" { return state.users[subuser.userId].map { child.user($0, in: state) } ?? Envelope.nullResource }
            return state.servers[subuser.serverId].map { child.server($0, in: state) } ?? Envelope.nullResource
        })
    }
}
