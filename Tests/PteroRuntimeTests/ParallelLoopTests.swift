import PteroKit
import Testing
@testable import PteroRuntime

/// `parallel for` over panel resources: bodies wait for the panel at the
/// same time, on the one executor.
struct ParallelLoopTests {
    @Test func bodiesSendTheirRequestsAtTheSameTime() async throws {
        let harness = try await PanelHarness(servers: 12, latencyMilliseconds: 80)
        let output = try await harness.run("""
            let ids = servers.take(8).map(fn(s) => s.id)
            let names = []
            parallel(4) for id in ids {
                let s = servers[id]
                s.suspend()
                names.push(s.name)
            }
            print(len(names), ids.all(fn(id) => servers[id].suspended))
            """)
        #expect(output == ["8 true"])
        #expect(harness.mostInFlight > 1)
        #expect(harness.mostInFlight <= 4)
        await harness.stop()
    }

    @Test func parallelOfOneSendsOneAtATime() async throws {
        let harness = try await PanelHarness(servers: 6, latencyMilliseconds: 20)
        let output = try await harness.run("""
            let done = []
            parallel(1) for s in servers { done.push(s.id) }
            print(done == servers.list.map(fn(s) => s.id))
            """)
        #expect(output == ["true"])
        #expect(harness.mostInFlight == 1)
        await harness.stop()
    }

    @Test func aPanelErrorInOneBodyEndsTheLoopWithThatError() async throws {
        let harness = try await PanelHarness(servers: 4)
        let output = try await harness.run("""
            try {
                parallel(2) for id in [999999, 1, 2] { servers[id].suspend() }
            } catch e {
                print(e.status, e.message)
            }
            """)
        #expect(output.count == 1)
        #expect(output.first?.hasPrefix("404 ") == true, "\(output)")
        await harness.stop()
    }
}
