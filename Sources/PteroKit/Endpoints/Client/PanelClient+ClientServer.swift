import Foundation

/// One server on the client API: view, console, power, resources, activity.
/// `server` is the 8-character identifier or the full uuid.
extension PanelClient {
    /// The server and what the caller may do on it; includes `egg`, `subusers`.
    public func clientServer(_ server: String, include: [String] = []) async throws -> ClientServerDetails {
        let answer: FractalItem<ClientServer> = try await envelope("server.view", server, query: ListQuery.includes(include))
        return ClientServerDetails(server: answer.attributes, isServerOwner: answer.meta?.isServerOwner ?? false,
                                   userPermissions: answer.meta?.userPermissions ?? [])
    }

    public func websocketToken(server: String) async throws -> WebsocketToken {
        try await send(request("server.websocket", [server]), as: DataEnvelope<WebsocketToken>.self).data
    }

    public func serverResources(server: String) async throws -> ServerStats {
        try await item("server.resources", server)
    }

    /// What was done on the server, lazily; filter `event`; sort `timestamp`; include `actor`.
    public func serverActivity(server: String, _ query: ListQuery = ListQuery()) -> Pages<ActivityLog> {
        pages("server.activity", server, query: query.queryItems, perPage: query.perPage)
    }

    /// Types `command` into the console (502 when the server is offline).
    public func sendCommand(server: String, command: String) async throws {
        try await perform("server.command", server, body: ["command": command])
    }

    public func sendPowerSignal(server: String, signal: PowerSignal) async throws {
        try await perform("server.power", server, body: ["signal": signal])
    }
}
