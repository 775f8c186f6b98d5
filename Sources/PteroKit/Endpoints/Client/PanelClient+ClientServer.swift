import Foundation

/// One server on the client API: view, console, power, resources, activity.
/// `server` is the 8-character identifier or the full uuid.
extension PanelClient {
    static func serverPath(_ server: String) -> String { "/api/client/servers/\(segment(server))" }

    /// The server and what the caller may do on it; includes `egg`, `subusers`.
    public func clientServer(_ server: String, include: [String] = []) async throws -> ClientServerDetails {
        let answer: FractalItem<ClientServer> = try await envelope(.get, Self.serverPath(server), query: ListQuery.includes(include))
        return ClientServerDetails(server: answer.attributes, isServerOwner: answer.meta?.isServerOwner ?? false,
                                   userPermissions: answer.meta?.userPermissions ?? [])
    }

    public func websocketToken(server: String) async throws -> WebsocketToken {
        try await send(request(.get, "\(Self.serverPath(server))/websocket"), as: DataEnvelope<WebsocketToken>.self).data
    }

    public func serverResources(server: String) async throws -> ServerStats {
        try await item(.get, "\(Self.serverPath(server))/resources")
    }

    /// What was done on the server, lazily; filter `event`; sort `timestamp`; include `actor`.
    public func serverActivity(server: String, _ query: ListQuery = ListQuery()) -> Pages<ActivityLog> {
        pages("\(Self.serverPath(server))/activity", query: query.queryItems, perPage: query.perPage)
    }

    /// Types `command` into the console (502 when the server is offline).
    public func sendCommand(server: String, command: String) async throws {
        try await perform(.post, "\(Self.serverPath(server))/command", body: ["command": command])
    }

    public func sendPowerSignal(server: String, signal: PowerSignal) async throws {
        try await perform(.post, "\(Self.serverPath(server))/power", body: ["signal": signal])
    }
}
