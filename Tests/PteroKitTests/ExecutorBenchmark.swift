import Foundation
import PteroKit
import PteroSim
import Testing

/// N writes against a panel limited to L per W seconds, through the
/// executor and through a naive client; run by `scripts/bench/executor`
/// (skipped unless `PTERO_BENCH=1`). Prints `BENCH name: value` lines.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PTERO_BENCH"] == "1"))
struct ExecutorBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    let limit = Int(environment["PTERO_BENCH_LIMIT"] ?? "") ?? 50
    let windowSeconds = Double(environment["PTERO_BENCH_WINDOW"] ?? "") ?? 2
    var writes: Int { Int(Self.environment["PTERO_BENCH_WRITES"] ?? "") ?? 3 * limit }
    let concurrency = 8

    @Test func writesAtThePanelsLimit() async throws {
        // The least time: the last window cannot open before (ceil(N/L) - 1)
        // windows have passed, and its L writes then take as long as L
        // writes take on an unlimited panel.
        let oneWindowOfWork = try await timeExecutor(writes: limit, rateLimits: .off).elapsed
        let windows = (writes + limit - 1) / limit - 1
        let ideal = Double(windows) * windowSeconds + seconds(oneWindowOfWork)
        let limited = RateLimitOptions(application: limit, client: limit, windowSeconds: windowSeconds)
        let executor = try await timeExecutor(writes: writes, rateLimits: limited)
        let naive = try await timeNaive(writes: writes, rateLimits: limited)

        report("N (writes)", "\(writes)")
        report("L (limit per window)", "\(limit)")
        report("W (window)", String(format: "%.1f s", windowSeconds))
        report("concurrency", "\(concurrency)")
        report("ideal time", String(format: "%.3f s (%d windows + %.3f s for one window of writes)", ideal, windows, seconds(oneWindowOfWork)))
        report("executor time", String(format: "%.3f s", seconds(executor.elapsed)))
        report("executor ratio to ideal", String(format: "%.3f", seconds(executor.elapsed) / ideal))
        report("executor 429s", "\(executor.throttled)")
        report("executor failed", "\(executor.failed)")
        report("naive time", String(format: "%.3f s", seconds(naive.elapsed)))
        report("naive ratio to ideal", String(format: "%.3f", seconds(naive.elapsed) / ideal))
        report("naive 429s", "\(naive.throttled)")
        report("naive time / executor time", String(format: "%.3f", seconds(naive.elapsed) / seconds(executor.elapsed)))
        #expect(executor.failed == 0)
    }

    struct Run {
        var elapsed: Duration
        var throttled: Int
        var failed: Int
    }

    func timeExecutor(writes: Int, rateLimits: RateLimitOptions) async throws -> Run {
        try await withPanel(rateLimits) { transport in
            var settings = ExecutorSettings()
            settings.limits = [.application: limit, .client: limit]
            settings.window = .milliseconds(Int64(windowSeconds * 1000))
            settings.concurrency = concurrency
            let executor = Executor(transport: transport, settings: settings)
            let start = ContinuousClock.now
            let statuses = try await ExecutorLiveTests.performAll(ExecutorLiveTests.writes(writes, servers: limit), on: executor)
            let elapsed = ContinuousClock.now - start
            return Run(elapsed: elapsed, throttled: executor.counters.throttled, failed: statuses.filter { $0 != 204 }.count)
        }
    }

    /// The competing approach: `concurrency` workers send as fast as they
    /// can, and on a 429 sleep `Retry-After` and send again.
    func timeNaive(writes: Int, rateLimits: RateLimitOptions) async throws -> Run {
        try await withPanel(rateLimits) { transport in
            let requests = ExecutorLiveTests.writes(writes, servers: limit)
            let start = ContinuousClock.now
            let (throttled, failed) = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                let step = concurrency
                for worker in 0..<step {
                    group.addTask {
                        var throttled = 0
                        var failed = 0
                        // Worker k takes requests k, k + concurrency, ...
                        for index in stride(from: worker, to: requests.count, by: step) {
                            while true {
                                let response = try await transport.send(requests[index])
                                guard response.status == 429 else {
                                    if response.status != 204 { failed += 1 }
                                    break
                                }
                                throttled += 1
                                try await Task.sleep(for: .seconds(Int(response.header("retry-after") ?? "") ?? 1))
                            }
                        }
                        return (throttled, failed)
                    }
                }
                return try await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
            }
            return Run(elapsed: ContinuousClock.now - start, throttled: throttled, failed: failed)
        }
    }

    func withPanel(_ rateLimits: RateLimitOptions, _ body: (HTTPTransport) async throws -> Run) async throws -> Run {
        let sim = try await LiveSim.start {
            $0.rateLimits = rateLimits
            $0.servers = max(limit, 1)
        }
        let transport = try HTTPTransport(settings: sim.settings())
        do {
            let run = try await body(transport)
            try? await transport.shutdown()
            await sim.stop()
            return run
        } catch {
            try? await transport.shutdown()
            await sim.stop()
            throw error
        }
    }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func report(_ name: String, _ value: String) {
        print("BENCH \(name): \(value)")
    }
}
