/// Client allocations: list, auto-assign, notes, primary, unassign.
enum NetworkRoutes {
    static var routes: [Route] {
        [
            ClientRoutes.onServer("GET", "/network/allocations", list),
            ClientRoutes.onServer("POST", "/network/allocations", create),
            ClientRoutes.onServer("POST", "/network/allocations/{allocation}", notes),
            ClientRoutes.onServer("POST", "/network/allocations/{allocation}/primary", primary),
            ClientRoutes.onServer("DELETE", "/network/allocations/{allocation}", delete),
        ]
    }

    /// Route-model binding and app/Http/Middleware/Api/Client/Server/ResourceBelongsToServer.php run before the
    /// request's permission check, so an allocation of another server is a 404 even without the permission.
    static func find(_ input: RouteInput, _ state: PanelState) throws -> Allocation {
        guard let allocation = state.allocations[try input.id("allocation")], allocation.serverId == input.serverId else { throw PanelError.notFound }
        return allocation
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("allocation.read")
        let server = state.servers[input.serverId]!
        let transformer = input.clientTransformer
        return .json(Envelope.list(state.allocations(ofServer: server.id).map { transformer.allocation($0, primaryId: server.allocationId) }))
    }

    /// Auto-allocation is treated as enabled (a stock panel has it off) so clients can exercise it.
    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("allocation.create")
        let server = state.servers[input.serverId]!
        if let limit = server.allocationLimit, state.allocations(ofServer: server.id).count >= limit || limit == 0 {
            throw PanelError.display("Cannot assign additional allocations to this server: limit has been reached.")
        }
        if server.allocationLimit == nil {
            throw PanelError.display("Cannot assign additional allocations to this server: limit has been reached.")
        }
        guard let primary = state.allocations[server.allocationId],
              let free = state.sortedValues(state.allocations).first(where: { $0.nodeId == server.nodeId && $0.ip == primary.ip && $0.serverId == nil })
        else {
            throw PanelError.display("Cannot assign additional allocation: no more space available on node.", code: "NoAutoAllocationSpaceAvailableException")
        }
        state.allocations[free.id]?.serverId = server.id
        state.log("server:allocation.create", input: input, serverId: server.id, properties: [("allocation", .string("\(free.ip):\(free.port)"))])
        return .json(input.clientTransformer.allocation(state.allocations[free.id]!, primaryId: server.allocationId))
    }

    static func notes(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let allocation = try find(input, state)
        try input.access.require("allocation.update")
        try Validator.validate(input.body, [FieldRules("notes", [.present, .nullable, .string, .max(256)])])
        state.allocations[allocation.id]?.notes = input.string("notes")
        let server = state.servers[input.serverId]!
        return .json(input.clientTransformer.allocation(state.allocations[allocation.id]!, primaryId: server.allocationId))
    }

    static func primary(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let allocation = try find(input, state)
        try input.access.require("allocation.update")
        state.servers[input.serverId]?.allocationId = allocation.id
        state.log("server:allocation.primary", input: input, serverId: input.serverId, properties: [("allocation", .string("\(allocation.ip):\(allocation.port)"))])
        return .json(input.clientTransformer.allocation(allocation, primaryId: allocation.id))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let allocation = try find(input, state)
        try input.access.require("allocation.delete")
        let server = state.servers[input.serverId]!
        if server.allocationLimit == nil {
            throw PanelError.display("You cannot delete allocations for this server: no allocation limit is set.")
        }
        if allocation.id == server.allocationId {
            throw PanelError.display("You cannot delete the primary allocation for this server.")
        }
        state.allocations[allocation.id]?.serverId = nil
        state.allocations[allocation.id]?.notes = nil
        state.log("server:allocation.delete", input: input, serverId: server.id, properties: [("allocation", .string("\(allocation.ip):\(allocation.port)"))])
        return .noContent
    }
}
