import Foundation
import PteroKit
import PteroSim
import Testing

/// A live simulated panel, a client on it, and a seeded server in a normal
/// state with room for databases, backups and allocations, for endpoint tests.
struct SimFixture {
    let sim: LiveSim
    let client: PanelClient
    /// The application id and client identifier of the prepared server.
    let serverId: Int
    let identifier: String

    static func start(_ configure: (inout SimulatorOptions) -> Void = { _ in }) async throws -> SimFixture {
        let sim = try await LiveSim.start {
            $0.timing = .fast
            configure(&$0)
        }
        let client = try sim.client()
        let servers: [Server]
        do {
            servers = try await client.listServers(ListQuery(perPage: 100)).collect()
        } catch {
            await sim.stop(client)
            throw error
        }
        guard let server = servers.first(where: { $0.status == nil }) else {
            await sim.stop(client)
            throw ConfigurationError("the seed has no server in a normal state")
        }
        // Generous limits, so the client tests can add databases, backups and allocations.
        let build = ServerBuild(
            allocation: server.allocation,
            limits: ServerLimitsBody(memory: server.limits.memory, swap: server.limits.swap, disk: server.limits.disk,
                                     io: server.limits.io, cpu: server.limits.cpu, threads: server.limits.threads),
            featureLimits: ServerFeatureLimitsBody(databases: 5, backups: 5, allocations: 5))
        let updated: Server
        do {
            updated = try await client.updateServerBuild(id: server.id, build)
        } catch {
            await sim.stop(client)
            throw error
        }
        #expect(updated.featureLimits.databases == 5 && updated.featureLimits.backups == 5 && updated.featureLimits.allocations == 5)
        return SimFixture(sim: sim, client: client, serverId: server.id, identifier: server.identifier)
    }

    /// Runs `body` on a fresh fixture and always shuts it down, so a failing
    /// test cannot leave a client behind (its deinit would abort the run).
    static func run(_ configure: (inout SimulatorOptions) -> Void = { _ in },
                    _ body: (SimFixture) async throws -> Void) async throws {
        let fixture = try await start(configure)
        do {
            try await body(fixture)
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }

    func stop() async {
        await sim.stop(client)
    }
}
