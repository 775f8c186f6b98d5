import Foundation
import PteroKit
import Synchronization

/// A fake panel: answers each send with what a script says, and records
/// when each send happened and how many were in flight at once.
final class ScriptedTransport: PanelTransport {
    /// Answers the `attempt`-th send (0 for the first) of the whole run.
    typealias Script = @Sendable (_ request: PanelRequest, _ attempt: Int) async throws -> PanelResponse

    struct Log: Sendable {
        var sends: [ContinuousClock.Instant] = []
        var inFlight = 0
        var maximumInFlight = 0
    }

    private let script: Script
    private let state = Mutex(Log())

    init(_ script: @escaping Script) {
        self.script = script
    }

    /// Always the same answer.
    convenience init(status: Int, headers: [String: String] = [:]) {
        self.init { _, _ in PanelResponse(status: status, headers: headers) }
    }

    func send(_ request: PanelRequest) async throws -> PanelResponse {
        let attempt = state.withLock { log in
            log.sends.append(.now)
            log.inFlight += 1
            log.maximumInFlight = max(log.maximumInFlight, log.inFlight)
            return log.sends.count - 1
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        return try await script(request, attempt)
    }

    func shutdown() async throws {}

    var log: Log { state.withLock { $0 } }
    var sendCount: Int { log.sends.count }

    /// Waits (briefly, polling) until at least `count` sends happened.
    func waitForSends(_ count: Int) async throws {
        while sendCount < count { try await Task.sleep(for: .milliseconds(5)) }
    }
}

extension ExecutorSettings {
    /// Limits that never bind and retries that wait next to nothing, for
    /// tests about one behaviour at a time.
    static func fast(concurrency: Int = 8, maximumRetries: Int = 3) -> ExecutorSettings {
        var settings = ExecutorSettings()
        settings.limits = [.application: 10_000, .client: 10_000]
        settings.concurrency = concurrency
        settings.maximumRetries = maximumRetries
        settings.retryBaseDelay = .milliseconds(2)
        settings.retryMaximumDelay = .milliseconds(10)
        return settings
    }
}
