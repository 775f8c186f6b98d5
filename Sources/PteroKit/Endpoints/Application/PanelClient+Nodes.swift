import Foundation

/// Nodes on the application API.
extension PanelClient {
    /// Every node, lazily; filters `uuid`, `name`, `fqdn`, `daemon_token_id`; sorts `id`, `uuid`, `memory`, `disk`.
    public func listNodes(_ query: ListQuery = ListQuery()) -> Pages<Node> {
        pages("nodes.list", query: query.queryItems, perPage: query.perPage)
    }

    /// Public nodes with room for `memory` and `disk` MiB more (400 when none).
    public func deployableNodes(memory: Int, disk: Int, locationIds: [Int] = [], include: [String] = []) async throws -> [Node] {
        var query = [URLQueryItem(name: "memory", value: String(memory)), URLQueryItem(name: "disk", value: String(disk))]
        query += locationIds.map { URLQueryItem(name: "location_ids[]", value: String($0)) }
        return try await list("nodes.deployable", query: query + ListQuery.includes(include))
    }

    public func node(id: Int, include: [String] = []) async throws -> Node {
        try await item("nodes.view", id, query: ListQuery.includes(include))
    }

    /// The daemon's configuration file, node secret included.
    public func nodeConfiguration(id: Int) async throws -> NodeConfiguration {
        try await send(request("nodes.configuration", [id]), as: NodeConfiguration.self)
    }

    public func createNode(_ node: NodeDetails) async throws -> Node {
        try await item("nodes.create", body: node)
    }

    /// Sends `node` as the whole new state (the panel's PATCH is not partial,
    /// and a missing `daemon_base` resets it). Prefer `updateNode(id:_:)`.
    public func replaceNode(id: Int, with node: NodeDetails) async throws -> Node {
        try await item("nodes.update", id, body: node)
    }

    /// Changes only what `change` sets: reads the node, applies it, sends it whole.
    public func updateNode(id: Int, _ change: (inout NodeDetails) -> Void) async throws -> Node {
        var details = NodeDetails(try await node(id: id))
        change(&details)
        return try await replaceNode(id: id, with: details)
    }

    public func deleteNode(id: Int) async throws {
        try await perform("nodes.delete", id)
    }

    /// The allocations of a node, lazily; filters `ip`, `port`, `ip_alias`, `server_id`.
    public func listAllocations(node: Int, _ query: ListQuery = ListQuery()) -> Pages<Allocation> {
        pages("allocations.list", node, query: query.queryItems, perPage: query.perPage)
    }

    public func createAllocations(node: Int, _ allocations: NewAllocations) async throws {
        try await perform("allocations.create", node, body: allocations)
    }

    public func deleteAllocation(node: Int, id: Int) async throws {
        try await perform("allocations.delete", node, id)
    }
}
