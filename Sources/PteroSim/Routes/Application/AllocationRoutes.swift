/// Allocations of a node: list with the special `server_id` filter, bulk create, delete.
enum AllocationRoutes {
    static let base = "/api/application/nodes/{node}/allocations"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.allocations), list),
            Route("POST", base, .application(.allocations), create),
            Route("DELETE", base + "/{allocation}", .application(.allocations), delete),
        ]
    }

    static let listQuery = ListQuery<Allocation>(
        filters: [
            .init(name: "ip", match: .exact) { $0.ip }, .init(name: "port", match: .exact) { String($0.port) },
            .init(name: "ip_alias", match: .partial) { $0.alias },
            .init(name: "server_id", match: .exact) { $0.serverId.map(String.init) },
        ],
        sorts: [])

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let node = try NodeRoutes.find(input, state)
        var allocations = state.sortedValues(state.allocations).filter { $0.nodeId == node.id }
        // server_id (Nodes/AllocationController.php `index`): digits pick that server's
        // allocations, anything else the unassigned ones, and so does "0", which PHP's
        // `empty()` counts as empty. An empty value is no filter: ConvertEmptyStringsToNull
        // made it null, and Spatie's QueryBuilder skips a null filter.
        var query = input.query
        if let serverFilter = input.query.bracketed("filter").last(where: { $0.0 == "server_id" })?.1 {
            query = input.query.removing("filter[server_id]")
            if serverFilter != "0", let serverId = Int(serverFilter), serverFilter.utf8.allSatisfy({ (48...57).contains($0) }) {
                allocations = allocations.filter { $0.serverId == serverId }
            } else if !serverFilter.isEmpty {
                allocations = allocations.filter { $0.serverId == nil }
            }
        }
        allocations = try listQuery.apply(allocations, query: query)
        let transformer = input.applicationTransformer
        return input.paginated(allocations) { transformer.allocation($0, in: state) }
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let node = try NodeRoutes.find(input, state)
        try Validator.validate(input.body, [
            FieldRules("ip", [.required, .string]),
            FieldRules("alias", [.nullable, .string, .max(191)]),
            FieldRules("ports", [.required, .array]),
            FieldRules("ports.*", [.string]),
        ])
        let addresses = try AllocationInput.addresses(input.string("ip")!)
        var ports: [Int] = []
        for item in input.body["ports"]?.arrayValue ?? [] {
            ports += try AllocationInput.ports(RuleEvaluator.scalarText(item) ?? "")
        }
        let existing = Set(state.allocations.values.filter { $0.nodeId == node.id }.map { "\($0.ip):\($0.port)" })
        for address in addresses {
            for port in ports where !existing.contains("\(address):\(port)") {
                let id = state.nextId("allocations")
                state.allocations[id] = Allocation(id: id, nodeId: node.id, ip: address, alias: input.string("alias"), port: port, serverId: nil, notes: nil)
            }
        }
        return .noContent
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let node = try NodeRoutes.find(input, state)
        guard let allocation = state.allocations[try input.id("allocation")], allocation.nodeId == node.id else { throw PanelError.notFound }
        if allocation.serverId != nil {
            throw PanelError.display(
                "A server is currently assigned to this allocation. An allocation can only be deleted if no server is currently assigned.",
                code: "ServerUsingAllocationException")
        }
        state.allocations[allocation.id] = nil
        return .noContent
    }
}
