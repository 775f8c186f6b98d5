import Foundation
import PteroKit
import Testing

/// A cancelled task stops waiting at once, wherever it waits. Every wait
/// here would last minutes if cancellation were missed.
struct ExecutorCancellationTests {
    let get = PanelRequest(.get, "/api/application/servers")

    /// Cancels `task` once it is waiting and checks it ends promptly.
    func expectPromptCancellation(of task: Task<PanelResponse, Error>) async throws {
        try await Task.sleep(for: .milliseconds(50))
        let cancelledAt = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - cancelledAt < .seconds(20))
    }

    @Test func whileWaitingForASlot() async throws {
        let transport = ScriptedTransport { _, _ in
            try await Task.sleep(for: .seconds(600))
            return PanelResponse(status: 200)
        }
        let executor = Executor(transport: transport, settings: .fast(concurrency: 1))
        let holder = Task { try await executor.perform(get) }
        try await transport.waitForSends(1)
        let waiter = Task { try await executor.perform(get) }
        try await expectPromptCancellation(of: waiter)
        #expect(transport.sendCount == 1)
        holder.cancel()
        _ = try? await holder.value
        #expect(executor.counters.inFlight == 0)
    }

    @Test func whileWaitingForTheLimit() async throws {
        let transport = ScriptedTransport(status: 200)
        var settings = ExecutorSettings.fast()
        settings.limits[.application] = 1
        settings.window = .seconds(600)
        let executor = Executor(transport: transport, settings: settings)
        _ = try await executor.perform(get)
        let waiter = Task { try await executor.perform(get) }
        try await expectPromptCancellation(of: waiter)
        #expect(transport.sendCount == 1)
    }

    @Test func whileBackingOff() async throws {
        let transport = ScriptedTransport(status: 503)
        var settings = ExecutorSettings.fast()
        settings.retryBaseDelay = .seconds(600)
        settings.retryMaximumDelay = .seconds(600)
        let executor = Executor(transport: transport, settings: settings)
        let waiter = Task { try await executor.perform(get) }
        try await transport.waitForSends(1)
        try await expectPromptCancellation(of: waiter)
    }

    @Test func whileWaitingOutA429() async throws {
        let transport = ScriptedTransport(status: 429, headers: ["Retry-After": "600", "X-RateLimit-Remaining": "0"])
        var settings = ExecutorSettings.fast()
        settings.window = .seconds(600)
        settings.maximumThrottleWait = .seconds(900)
        let executor = Executor(transport: transport, settings: settings)
        let waiter = Task { try await executor.perform(get) }
        try await transport.waitForSends(1)
        try await expectPromptCancellation(of: waiter)
        #expect(executor.counters.throttled == 1)
    }

    @Test func aCancelledTaskSendsNothing() async throws {
        let transport = ScriptedTransport(status: 200)
        let executor = Executor(transport: transport, settings: .fast())
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await executor.perform(get)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(transport.sendCount == 0)
    }
}
