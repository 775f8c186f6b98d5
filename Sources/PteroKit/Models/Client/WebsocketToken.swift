/// A token for the server's console websocket.
public struct WebsocketToken: Codable, Sendable, Equatable {
    /// A JWT valid for ten minutes.
    public var token: String
    /// The `wss://` URL.
    public var socket: String

    enum CodingKeys: String, CodingKey {
        case token
        case socket
    }
}
