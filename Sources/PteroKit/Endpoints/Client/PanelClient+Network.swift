/// A server's allocations on the client API.
extension PanelClient {
    public func networkAllocations(server: String) async throws -> [NetworkAllocation] {
        try await list("server.allocations.list", server)
    }

    /// Assigns one more allocation, chosen by the panel (needs auto-allocation).
    public func assignAllocation(server: String) async throws -> NetworkAllocation {
        try await item("server.allocations.create", server)
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
        return try await item("server.allocations.update_notes", server, id, body: Body(notes: notes))
    }

    public func setPrimaryAllocation(server: String, id: Int) async throws -> NetworkAllocation {
        try await item("server.allocations.set_primary", server, id)
    }

    /// Takes the allocation off the server (not the primary).
    public func unassignAllocation(server: String, id: Int) async throws {
        try await perform("server.allocations.delete", server, id)
    }
}
