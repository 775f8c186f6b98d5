import Foundation
import Synchronization
@testable import PteroKit
import Testing

/// Pace and concurrency, against a scripted transport.
struct ExecutorLimitTests {
    let get = PanelRequest(.get, "/api/application/servers")

    @Test func concurrencyNeverExceedsTheBound() async throws {
        let transport = ScriptedTransport { _, _ in
            try await Task.sleep(for: .milliseconds(5))
            return PanelResponse(status: 200)
        }
        let executor = Executor(transport: transport, settings: .fast(concurrency: 3))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<40 { group.addTask { try await executor.perform(get).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 40))
        #expect(transport.log.maximumInFlight <= 3)
        #expect(transport.log.maximumInFlight >= 2)
        #expect(executor.counters.inFlight == 0)
        #expect(executor.counters.sent == 40)
    }

    @Test func aLowerRemainingFromThePanelHoldsTheRestForTheNextWindow() async throws {
        // Configured for 10 a window, but others of the user already used 6.
        let transport = ScriptedTransport { _, attempt in
            PanelResponse(status: 200, headers: ["X-RateLimit-Limit": "10",
                                                 "X-RateLimit-Remaining": String(max(0, 3 - attempt))])
        }
        var settings = ExecutorSettings.fast(concurrency: 1)
        settings.limits[.application] = 10
        settings.window = .milliseconds(300)
        let executor = Executor(transport: transport, settings: settings)
        for _ in 0..<5 { #expect(try await executor.perform(get).status == 200) }
        let sends = transport.log.sends
        // Four fit in the window (6 + 4 = 10); the fifth waited for the next.
        #expect(sends[4] - sends[0] >= .milliseconds(300))
        #expect(sends[3] - sends[0] < sends[4] - sends[0])
        #expect(executor.counters.waitedForLimit > .zero)
        #expect(executor.counters.throttled == 0)
    }

    @Test func thePanelsLowerLimitIsAdopted() async throws {
        let transport = ScriptedTransport(status: 200, headers: ["X-RateLimit-Limit": "7", "X-RateLimit-Remaining": "6"])
        let executor = Executor(transport: transport, settings: .fast())
        _ = try await executor.perform(get)
        #expect(executor.currentLimit(.application) == 7)
        #expect(executor.currentLimit(.client) == 10_000)
    }

    @Test func aThrottledAPIDoesNotHoldTheOtherBack() async throws {
        let transport = ScriptedTransport { request, _ in
            request.api == .application
                ? PanelResponse(status: 429, headers: ["Retry-After": "30", "X-RateLimit-Remaining": "0"])
                : PanelResponse(status: 200)
        }
        var settings = ExecutorSettings.fast(concurrency: 1)
        settings.window = .seconds(60)
        let executor = Executor(transport: transport, settings: settings)
        let stuck = Task { try await executor.perform(get) }
        try await transport.waitForSends(1)
        for _ in 0..<3 {
            #expect(try await executor.perform(PanelRequest(.get, "/api/client/account")).status == 200)
        }
        stuck.cancel()
        await #expect(throws: CancellationError.self) { try await stuck.value }
    }

    @Test func aRequestStillTravellingWhenTheWindowReopensCountsInTheNextOne() async throws {
        // A panel that counts a request when it arrives, in fixed windows
        // opened by the first arrival. The fourth request of the first
        // window travels longer than the window and lands in the panel's
        // second one, which must not then get a full window more.
        let window = Duration.milliseconds(500)
        let panel = Mutex<(opened: ContinuousClock.Instant?, count: Int)>((nil, 0))
        let transport = ScriptedTransport { _, attempt in
            if attempt == 3 { try await Task.sleep(for: .milliseconds(550)) }
            let admitted = panel.withLock { state in
                let now = ContinuousClock.now
                if state.opened.map({ now >= $0 + window }) ?? true { state = (now, 0) }
                state.count += 1
                return state.count <= 4
            }
            return admitted ? PanelResponse(status: 200) : PanelResponse(status: 429, headers: ["Retry-After": "1"])
        }
        var settings = ExecutorSettings.fast(concurrency: 4)
        settings.limits[.application] = 4
        settings.window = window
        let executor = Executor(transport: transport, settings: settings)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await executor.perform(get).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 8))
        #expect(executor.counters.throttled == 0)
    }
}
