/// Pelican's server transfers on the application API
/// (app/Http/Controllers/Api/Application/Servers/ServerManagementController.php
/// `startTransfer`/`cancelTransfer`, app/Services/Servers/TransferServerService.php).
/// The new allocations are held for the server while it moves; the move completes after
/// `SimulationTiming.transferSeconds` (`PanelState.advance`).
enum PelicanTransferRoutes {
    static var routes: [Route] {
        [
            Route("POST", ServerRoutes.base + "/{server}/transfer", .application(.servers), start),
            Route("POST", ServerRoutes.base + "/{server}/transfer/cancel", .application(.servers), cancel),
        ]
    }

    /// The controller's own `validate()`: `node_id` `required|exists:nodes,id`, `allocation_id`
    /// `required|bail|unique:servers|exists:allocations,id`, `allocation_additional`
    /// `nullable|array`, each `integer|exists:allocations,id`.
    static func rules(_ state: PanelState) -> [FieldRules] {
        let nodeIds = Set(state.nodes.keys)
        let allocationIds = Set(state.allocations.keys)
        let primaries = Set(state.servers.values.map(\.allocationId))
        return [
            FieldRules("node_id", [.required, .exists { RuleEvaluator.databaseId($0).map(nodeIds.contains) ?? false }]),
            FieldRules("allocation_id", [.required, .unique { RuleEvaluator.databaseId($0).map(primaries.contains) ?? false },
                                         .exists { RuleEvaluator.databaseId($0).map(allocationIds.contains) ?? false }]),
            FieldRules("allocation_additional", [.nullable, .array]),
            FieldRules("allocation_additional.*", [.integer, .exists { $0.intValue.map(allocationIds.contains) ?? false }]),
        ]
    }

    /// 204 when started; 406 with an empty body when the node cannot take the server
    /// (`Node::isViable`); 409 when the server is not installed, restoring or already moving
    /// (`Server::validateTransferState`).
    static func start(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try ServerRoutes.find(input, state)
        try Validator.validate(input.body, rules(state))
        let nodeId = RuleEvaluator.databaseId(Validator.lookup("node_id", in: input.body) ?? .null)!
        let allocationId = RuleEvaluator.databaseId(Validator.lookup("allocation_id", in: input.body) ?? .null)!
        let additional = (input.body["allocation_additional"]?.arrayValue ?? []).compactMap(\.intValue)
        guard let node = state.nodes[nodeId],
              PelicanDeployment.isViable(node, state: state, memory: server.memory, disk: server.disk, cpu: server.cpu) else {
            return SimResponse(status: 406, body: [], contentType: nil)
        }
        if ["installing", "install_failed", "reinstall_failed", "restoring_backup"].contains(server.status) || state.transfers[server.id] != nil {
            throw PanelError.conflict(state.transfers[server.id] != nil
                ? "This server is currently being transferred to a new machine, please try again later."
                : "This server is currently in an unsupported state, please try again later.")
        }
        state.transfers[server.id] = ServerTransfer(
            serverId: server.id, oldNode: server.nodeId, newNode: nodeId, oldAllocation: server.allocationId,
            newAllocation: allocationId, oldAdditional: state.allocations(ofServer: server.id).map(\.id).filter { $0 != server.allocationId },
            newAdditional: additional, startedAt: input.now)
        // TransferServerService::assignAllocationsToServer: only free allocations on the new node.
        for id in [allocationId] + additional where state.allocations[id]?.nodeId == nodeId && state.allocations[id]?.serverId == nil {
            state.allocations[id]?.serverId = server.id
        }
        return .noContent
    }

    /// 406 with an empty body when no transfer is under way; otherwise it is dropped and the
    /// held allocations are freed.
    static func cancel(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let server = try ServerRoutes.find(input, state)
        guard let transfer = state.transfers[server.id] else { return SimResponse(status: 406, body: [], contentType: nil) }
        state.releaseTransfer(transfer, keepingNew: false)
        return .noContent
    }
}

extension PanelState {
    /// Ends a transfer: on success the server moves to the new node and allocations, the old
    /// ones are freed; otherwise the held new ones are.
    mutating func releaseTransfer(_ transfer: ServerTransfer, keepingNew: Bool) {
        transfers[transfer.serverId] = nil
        let freed = keepingNew ? [transfer.oldAllocation] + transfer.oldAdditional : [transfer.newAllocation] + transfer.newAdditional
        for id in freed where allocations[id]?.serverId == transfer.serverId && (keepingNew || id != transfer.oldAllocation) {
            allocations[id]?.serverId = nil
            allocations[id]?.notes = nil
        }
        if keepingNew, allocations[transfer.newAllocation]?.serverId == transfer.serverId {
            servers[transfer.serverId]?.nodeId = transfer.newNode
            servers[transfer.serverId]?.allocationId = transfer.newAllocation
        }
    }
}
