import Foundation

/// How a console connection behaves: the `Origin` it shows Wings, and the
/// bounds on every wait and on what it keeps.
public struct ConsoleSettings: Sendable {
    /// Sent as `Origin`: Wings accepts the panel's URL and its
    /// `allowed_origins` only (router/websocket/websocket.go GetHandler).
    public var origin: String
    /// Plain `ws://` to a node other than this machine (the profile's
    /// `insecure`): the token would cross the network unencrypted.
    public var allowInsecure = false
    /// Opening the TCP (and TLS) connection to the node.
    public var connectTimeout: Duration = .seconds(10)
    /// From the upgrade request to Wings' 101.
    public var handshakeTimeout: Duration = .seconds(10)
    /// From `auth` to `auth success`.
    public var authenticationTimeout: Duration = .seconds(10)
    /// After a fresh token is sent for a `jwt error`, further `jwt error`s this
    /// soon are for events Wings sent before it read the new `auth` (every
    /// console line of a busy server gets one): only a later one ends the connection.
    public var reauthenticationGrace: Duration = .seconds(2)
    /// Times a dropped socket is opened again before the connection gives up.
    public var reconnectAttempts = 5
    /// The wait before the first reconnect; each next one doubles, up to `maximumReconnectDelay`.
    public var reconnectDelay: Duration = .milliseconds(500)
    public var maximumReconnectDelay: Duration = .seconds(8)
    /// The longest message accepted from the node (Wings sends one console line a message).
    public var maximumMessageSize = 1 << 20
    /// Frames held between the socket and the connection's reader.
    public var bufferedFrames = 4096
    /// Events held for the user before the oldest are dropped.
    public var bufferedEvents = 8192

    public init(origin: String) {
        self.origin = origin
    }

    /// The `Origin` for a panel at `panelURL`: its URL as configured, less a
    /// trailing slash (Wings compares it with `remote` as a string), unless
    /// the profile's `console_origin` says otherwise.
    public static func origin(panelURL: URL, override: String? = nil) -> String {
        if let override, !override.isEmpty { return override }
        var text = panelURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
