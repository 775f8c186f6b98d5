import Foundation
import PteroKit
import PteroSim
import Testing

/// `Pages` over a real socket against thousands of simulated servers.
struct LivePagesTests {
    /// Runs `body` with a counting client and always shuts both down.
    static func withCountingClient(_ configure: (inout SimulatorOptions) -> Void,
                                   _ body: (PanelClient, CountingTransport) async throws -> Void) async throws {
        let sim = try await LiveSim.start(configure)
        let (client, counting) = try countingClient(sim)
        do {
            try await body(client, counting)
        } catch {
            await sim.stop(client)
            throw error
        }
        await sim.stop(client)
    }

    static func countingClient(_ sim: LiveSim) throws -> (PanelClient, CountingTransport) {
        let counting = CountingTransport(try HTTPTransport(settings: sim.settings()))
        return (PanelClient(executor: Executor(transport: counting)), counting)
    }

    @Test func threeThousandServersComeInOrderAndDistinct() async throws {
        try await Self.withCountingClient({ $0.servers = 3000 }) { client, counting in
            let pages = client.listServers(ListQuery(perPage: 100))
            let servers = try await pages.collect()
            #expect(servers.count == 3000)
            #expect(Set(servers.map(\.id)).count == 3000)
            #expect(servers.map(\.id) == servers.map(\.id).sorted())
            #expect(pages.total == 3000)
            #expect(counting.snapshot.sent == 30)
        }
    }

    @Test func pagesAfterTheFirstAreFetchedConcurrently() async throws {
        try await Self.withCountingClient({ $0.servers = 1000; $0.latencyMilliseconds = 50 }) { client, counting in
            let servers = try await client.listServers(ListQuery(perPage: 100)).withConcurrency(4).collect()
            #expect(servers.count == 1000)
            let counts = counting.snapshot
            #expect(counts.sent == 10)
            #expect(counts.maxInFlight > 1 && counts.maxInFlight <= 4, "\(counts.maxInFlight)")
        }
    }

    @Test func stoppingEarlyRequestsNoMorePages() async throws {
        try await Self.withCountingClient({ $0.servers = 3000; $0.latencyMilliseconds = 50 }) { client, counting in
            var seen = 0
            for try await _ in client.listServers(ListQuery(perPage: 100)) {
                seen += 1
                if seen == 150 { break }
            }
            // Whatever was on the wire at the break finishes or is cancelled...
            for _ in 0..<50 where counting.snapshot.inFlight > 0 {
                try await Task.sleep(for: .milliseconds(50))
            }
            let settled = counting.snapshot
            #expect(settled.inFlight == 0)
            // ...and nothing more is asked: at most page 1, the four pages of
            // the window and the one that replaced page 2.
            #expect(settled.sent <= 6, "\(settled.paths)")
            try await Task.sleep(for: .milliseconds(300))
            #expect(counting.snapshot.sent == settled.sent)
        }
    }
}
