/// Pelican's automatic deployment: public nodes carrying any of the tags that still fit the
/// server's memory, disk and CPU (app/Services/Deployment/FindViableNodesService.php and
/// `Node::isViable`, app/Models/Node.php).
enum PelicanDeployment {
    static func viableNodes(_ state: PanelState, memory: Int, disk: Int, cpu: Int, tags: [String]) -> [Node] {
        let wanted = Set(tags)
        return state.sortedValues(state.nodes).filter { node in
            guard node.isPublic, wanted.isEmpty || !wanted.isDisjoint(with: node.tags) else { return false }
            return isViable(node, state: state, memory: memory, disk: disk, cpu: cpu)
        }
    }

    /// A capacity of 0 or an overallocation below 0 is unlimited; sums in Double, as the
    /// request's numbers may be near Int.max.
    static func isViable(_ node: Node, state: PanelState, memory: Int, disk: Int, cpu: Int) -> Bool {
        let servers = state.servers(where: { $0.nodeId == node.id })
        func fits(_ capacity: Int, _ overallocate: Int, used: Int, wanted: Int) -> Bool {
            guard capacity > 0 && overallocate >= 0 else { return true }
            return Double(used) + Double(wanted) <= Double(capacity) * (1 + Double(overallocate) / 100)
        }
        return fits(node.memory, node.memoryOverallocate, used: servers.reduce(0) { $0 + $1.memory }, wanted: memory)
            && fits(node.disk, node.diskOverallocate, used: servers.reduce(0) { $0 + $1.disk }, wanted: disk)
            && fits(node.cpu, node.cpuOverallocate, used: servers.reduce(0) { $0 + $1.cpu }, wanted: cpu)
    }

    /// `GET nodes/deployable` (Nodes/NodeDeploymentController.php): GetDeployableNodesRequest's
    /// rules, every viable node as one unpaginated list (an empty list when none fits).
    static func deployable(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var query: [(String, JSONValue)] = []
        for name in ["memory", "disk", "cpu", "page"] { if let value = input.query[name] { query.append((name, .string(value))) } }
        let tags = input.query.list("tags")
        if input.query.has("tags") || !tags.isEmpty { query.append(("tags", .array(tags.map { .string($0) }))) }
        let parameters = BodyNormalizer.normalize(.object(query))
        try Validator.validate(parameters, [
            FieldRules("page", [.integer]),
            FieldRules("memory", [.required, .integer, .min(0)]),
            FieldRules("disk", [.required, .integer, .min(0)]),
            FieldRules("cpu", [.sometimes, .integer, .min(0)]),
            FieldRules("tags", [.sometimes, .array]),
        ])
        let nodes = viableNodes(
            state, memory: Int(input.query["memory"] ?? "") ?? 0, disk: Int(input.query["disk"] ?? "") ?? 0,
            cpu: Int(input.query["cpu"] ?? "") ?? 0, tags: tags)
        let transformer = input.applicationTransformer
        return .json(Envelope.list(nodes.map { transformer.node($0, in: state) }))
    }
}
