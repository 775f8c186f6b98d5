/// Sends one request once: no rate limiting, no retries (the executor
/// adds those). A transport throws `TransportError` when no answer came.
public protocol PanelTransport: Sendable {
    func send(_ request: PanelRequest) async throws -> PanelResponse
    /// Releases connections; the transport is unusable afterwards.
    func shutdown() async throws
}

/// No usable answer came back. `reachedPanel` tells the executor whether a
/// non-idempotent request may be sent again: only if it provably never left.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No connection was made (timeout, unreachable, name not found);
        /// nothing was sent.
        case connect
        /// Nothing listens at the panel's address: said at once, not retried.
        case refused
        /// The panel went silent, or took longer than the request may.
        case timeout
        /// The connection closed or was reset after the request went out.
        case connectionLost
        /// The answer was larger than ptero holds in memory.
        case tooLarge
        /// The panel answered with a redirect, which is never followed.
        case redirected
        case other
    }
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
