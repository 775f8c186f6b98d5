import Foundation
import Synchronization

/// Every request of the process goes through one executor: it keeps under
/// the panel's rate limit, bounds concurrency and retries what may safely
/// be retried.
///
/// This first version only sends and counts; the limiter and retries are
/// built in issue 4's executor work.
public final class Executor: Sendable {
    public let transport: any PanelTransport
    public let settings: ExecutorSettings
    private let state = Mutex(ExecutorCounters())

    public init(transport: any PanelTransport, settings: ExecutorSettings = ExecutorSettings()) {
        self.transport = transport
        self.settings = settings
    }

    /// Sends `request` and returns the panel's final answer (a 429 is waited
    /// out, never returned, unless retries run out).
    public func perform(_ request: PanelRequest) async throws -> PanelResponse {
        state.withLock { $0.sent += 1 }
        return try await transport.send(request)
    }

    public var counters: ExecutorCounters { state.withLock { $0 } }
}
