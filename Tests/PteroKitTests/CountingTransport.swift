import PteroKit
import Synchronization

/// Wraps a transport and counts what passes through: requests sent, and
/// the most that were in flight at once (to see concurrency without timing).
final class CountingTransport: PanelTransport {
    struct Counts {
        var sent = 0
        var inFlight = 0
        var maxInFlight = 0
        var paths: [String] = []
    }

    let inner: any PanelTransport
    private let counts = Mutex(Counts())

    init(_ inner: any PanelTransport) {
        self.inner = inner
    }

    var snapshot: Counts { counts.withLock { $0 } }

    func send(_ request: PanelRequest) async throws -> PanelResponse {
        counts.withLock { counts in
            counts.sent += 1
            counts.inFlight += 1
            counts.maxInFlight = max(counts.maxInFlight, counts.inFlight)
            counts.paths.append(request.summary)
        }
        defer { counts.withLock { $0.inFlight -= 1 } }
        return try await inner.send(request)
    }

    func shutdown() async throws {
        try await inner.shutdown()
    }
}
