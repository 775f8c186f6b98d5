/// A server's allocations on the client API.
extension PanelClient {
    func networkPath(_ server: String) -> String { "\(Self.serverPath(server))/network/allocations" }

    public func networkAllocations(server: String) async throws -> [NetworkAllocation] {
        try await list(networkPath(server))
    }

    /// Assigns one more allocation, chosen by the panel (needs auto-allocation).
    public func assignAllocation(server: String) async throws -> NetworkAllocation {
        try await item(.post, networkPath(server))
    }

    /// Sets the notes; nil clears them (the panel requires the key).
    public func updateAllocationNotes(server: String, id: Int, notes: String?) async throws -> NetworkAllocation {
        struct Body: Encodable, Sendable {
            var notes: String?
            func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(["notes": notes])
            }
        }
        return try await item(.post, "\(networkPath(server))/\(id)", body: Body(notes: notes))
    }

    public func setPrimaryAllocation(server: String, id: Int) async throws -> NetworkAllocation {
        try await item(.post, "\(networkPath(server))/\(id)/primary")
    }

    /// Takes the allocation off the server (not the primary).
    public func unassignAllocation(server: String, id: Int) async throws {
        try await perform(.delete, "\(networkPath(server))/\(id)")
    }
}
