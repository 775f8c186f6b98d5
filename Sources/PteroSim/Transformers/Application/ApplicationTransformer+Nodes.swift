/// Nodes and allocations on the application API.
extension ApplicationTransformer {
    func node(_ node: Node, in state: PanelState) -> JSONValue {
        let allocated = state.allocatedResources(ofNode: node.id)
        return Envelope.item("node", [
            ("id", .int(node.id)),
            ("uuid", .string(node.uuid)),
            ("public", .bool(node.isPublic)),
            ("name", .string(node.name)),
            ("description", .optional(node.description)),
            ("location_id", .int(node.locationId)),
            ("fqdn", .string(node.fqdn)),
            ("scheme", .string(node.scheme)),
            ("behind_proxy", .bool(node.behindProxy)),
            ("maintenance_mode", .bool(node.maintenanceMode)),
            ("memory", .int(node.memory)),
            ("memory_overallocate", .int(node.memoryOverallocate)),
            ("disk", .int(node.disk)),
            ("disk_overallocate", .int(node.diskOverallocate)),
            ("upload_size", .int(node.uploadSize)),
            ("daemon_listen", .int(node.daemonListen)),
            ("daemon_sftp", .int(node.daemonSftp)),
            ("daemon_base", .string(node.daemonBase)),
            ("created_at", .string(Timestamp.iso(node.createdAt))),
            ("updated_at", .string(Timestamp.iso(node.updatedAt))),
            ("allocated_resources", .object([("memory", .int(allocated.memory)), ("disk", .int(allocated.disk))])),
        ], relationships: relationships([("allocations", .allocations), ("location", .locations), ("servers", .servers)]) { name, child in
            switch name {
            case "allocations":
                return Envelope.list(state.sortedValues(state.allocations).filter { $0.nodeId == node.id }.map { child.allocation($0, in: state) })
            case "location":
                return state.locations[node.locationId].map { child.location($0, in: state) } ?? Envelope.nullResource
            default:
                return Envelope.list(state.servers(where: { $0.nodeId == node.id }).map { child.server($0, in: state) })
            }
        })
    }

    func allocation(_ allocation: Allocation, in state: PanelState) -> JSONValue {
        Envelope.item("allocation", [
            ("id", .int(allocation.id)),
            ("ip", .string(allocation.ip)),
            ("alias", .optional(allocation.alias)),
            ("port", .int(allocation.port)),
            ("notes", .optional(allocation.notes)),
            ("assigned", .bool(allocation.serverId != nil)),
        ], relationships: relationships([("node", .nodes), ("server", .servers)]) { name, child in
            if name == "node" { return state.nodes[allocation.nodeId].map { child.node($0, in: state) } ?? Envelope.nullResource }
            return allocation.serverId.flatMap { state.servers[$0] }.map { child.server($0, in: state) } ?? Envelope.nullResource
        })
    }
}
