/// Sends one request once: no rate limiting, no retries (the executor
/// adds those). A transport throws `TransportError` when no answer came.
public protocol PanelTransport: Sendable {
    func send(_ request: PanelRequest) async throws -> PanelResponse
    /// Releases connections; the transport is unusable afterwards.
    func shutdown() async throws
}

/// No answer came back. `reachedPanel` tells the executor whether a
/// non-idempotent request may be sent again: only if it provably never left.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case connect, timeout, connectionLost, other }
    public var kind: Kind
    public var reachedPanel: Bool
    public var message: String

    public init(kind: Kind, reachedPanel: Bool, message: String) {
        self.kind = kind
        self.reachedPanel = reachedPanel
        self.message = message
    }

    public var description: String { message }
}
