import Foundation
import PteroKit
import PteroSim
import Testing

/// The executor against the simulated panel over a real socket, with
/// one-second windows so that several windows pass in a few seconds.
/// Outcomes and counts are checked, never durations.
struct ExecutorLiveTests {
    static let shortWindows = RateLimitOptions(application: 20, client: 40, windowSeconds: 1)

    /// A simulated panel with an HTTP transport that counts what is in flight.
    struct Rig {
        let sim: LiveSim
        let http: HTTPTransport
        let counting: ScriptedTransport

        static func start(_ configure: (inout SimulatorOptions) -> Void) async throws -> Rig {
            let sim = try await LiveSim.start(configure)
            let http = try HTTPTransport(settings: sim.settings())
            return Rig(sim: sim, http: http, counting: ScriptedTransport { request, _ in try await http.send(request) })
        }

        func executor(_ settings: ExecutorSettings) -> Executor {
            Executor(transport: counting, settings: settings)
        }

        /// `rate_limited` of `/_sim/stats`: the 429s the panel gave.
        func panelThrottled() async throws -> Int {
            let response = try await http.send(PanelRequest(.get, "/_sim/stats"))
            let stats = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            return try #require(stats?["rate_limited"] as? Int)
        }

        func stop() async {
            try? await http.shutdown()
            await sim.stop()
        }
    }

    static func settings(application: Int, client: Int = 40, concurrency: Int = 8) -> ExecutorSettings {
        var settings = ExecutorSettings()
        settings.limits = [.application: application, .client: client]
        settings.window = .seconds(1)
        settings.concurrency = concurrency
        settings.retryBaseDelay = .milliseconds(20)
        settings.retryMaximumDelay = .milliseconds(200)
        return settings
    }

    /// Performs every request concurrently and returns the statuses.
    static func performAll(_ requests: [PanelRequest], on executor: Executor) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for request in requests { group.addTask { try await executor.perform(request).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
    }

    /// Suspends servers 1...servers, then unsuspends them, and so on.
    static func writes(_ count: Int, servers: Int) -> [PanelRequest] {
        (0..<count).map { index in
            let action = (index / servers).isMultiple(of: 2) ? "suspend" : "unsuspend"
            return PanelRequest(.post, "/api/application/servers/\(index % servers + 1)/\(action)")
        }
    }

    @Test func threeWindowsOfWritesAtTheLimitAllSucceedWithout429s() async throws {
        let rig = try await Rig.start { $0.rateLimits = Self.shortWindows }
        let executor = rig.executor(Self.settings(application: 20))
        let statuses = try await Self.performAll(Self.writes(60, servers: 30), on: executor)
        #expect(statuses == Array(repeating: 204, count: 60))
        #expect(executor.counters.throttled == 0)
        #expect(try await rig.panelThrottled() == 0)
        // Whether the limiter had to wait depends on how fast the machine
        // answers (a loaded one spreads the writes over the windows itself),
        // so only the outcome is asserted.
        await rig.stop()
    }

    @Test func a429StormFromAnOptimisticLimitAndASharedBucketEndsWithEveryRequestDone() async throws {
        let rig = try await Rig.start { $0.rateLimits = Self.shortWindows }
        // Two executors of the same user, each believing it has 200.
        let first = rig.executor(Self.settings(application: 200))
        let second = rig.executor(Self.settings(application: 200))
        let requests = (0..<30).map { PanelRequest(.get, "/api/application/servers/\($0 % 30 + 1)") }
        async let firstStatuses = Self.performAll(requests, on: first)
        async let secondStatuses = Self.performAll(requests, on: second)
        let statuses = try await firstStatuses + secondStatuses
        #expect(statuses == Array(repeating: 200, count: 60))
        let throttled = first.counters.throttled + second.counters.throttled
        #expect(try await rig.panelThrottled() == throttled)
        #expect(first.currentLimit(.application) == 20)
        #expect(first.counters.failed + second.counters.failed == 0)
        await rig.stop()
    }

    @Test func dropsAndGatewayErrorsAreRetriedForGets() async throws {
        let rig = try await Rig.start {
            $0.rateLimits = .off
            $0.faultRate = 0.3
        }
        var settings = Self.settings(application: 1000, client: 1000)
        settings.maximumRetries = 12
        let executor = rig.executor(settings)
        let requests = (0..<40).map { PanelRequest(.get, "/api/application/servers/\($0 % 30 + 1)") }
        let statuses = try await Self.performAll(requests, on: executor)
        // A 500 is the panel's own failure and deliberately not retried;
        // everything else ends in success.
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 500 })
        #expect(statuses.filter { $0 == 500 }.count == executor.counters.failed)
        #expect(executor.counters.retried > 0)
        #expect(executor.counters.sent == 40 + executor.counters.retried)
        await rig.stop()
    }

    @Test func aSlowPanelIsWorkedConcurrently() async throws {
        let rig = try await Rig.start {
            $0.rateLimits = Self.shortWindows
            $0.latencyMilliseconds = 100
        }
        let executor = rig.executor(Self.settings(application: 20, client: 40, concurrency: 8))
        let requests = (0..<40).map { _ in PanelRequest(.get, "/api/client/account") }
        let statuses = try await Self.performAll(requests, on: executor)
        #expect(statuses == Array(repeating: 200, count: 40))
        #expect(rig.counting.log.maximumInFlight > 1)
        #expect(rig.counting.log.maximumInFlight <= 8)
        #expect(executor.counters.throttled == 0)
        await rig.stop()
    }
}
