import Hummingbird
import Testing
@testable import PteroSim

/// `POST servers/{id}/transfer` and `transfer/cancel`, and Pelican's throttles.
@Suite struct PelicanTransferAndLimitTests {
    /// A free allocation on another node than the server's, with room for it.
    static func target(_ sim: SimHarness, for server: Server) -> (node: Int, allocation: Int) {
        let target = sim.state { state in
            let allocation = state.sortedValues(state.allocations).first { $0.serverId == nil && $0.nodeId != server.nodeId }!
            return (allocation.nodeId, allocation.id)
        }
        sim.mutate { state in
            state.nodes[target.0]?.memory *= 100
            state.nodes[target.0]?.disk *= 100
        }
        return target
    }

    /// On a manual clock, so the transfer stays under way until cancelled.
    static var stopped: SimulatorOptions {
        var options = SimulatorOptions.pelican()
        options.clock = .manual()
        return options
    }

    @Test func aTransferIsValidatedStartedRefusedTwiceAndCancelled() async throws {
        try await withSim(Self.stopped) { sim in
            let (server, key) = sim.ownedServer()
            let (node, allocation) = Self.target(sim, for: server)
            let invalid = try await sim.app(.post, "/servers/\(server.id)/transfer", json: #"{"node_id":9999,"allocation_id":\#(server.allocationId)}"#)
            #expect(invalid.status == 422)
            #expect(invalid.errors.compactMap { $0["detail"]?.stringValue } == [
                "The selected node id is invalid.", "The allocation id has already been taken.",
            ])
            let started = try await sim.app(.post, "/servers/\(server.id)/transfer", json: #"{"node_id":\#(node),"allocation_id":\#(allocation)}"#)
            #expect(started.status == 204)
            #expect(sim.state { $0.allocations[allocation]?.serverId } == server.id)
            let client = try await sim.user(.get, "/servers/\(server.identifier)", key: key)
            #expect(client.attributes["is_transferring"]?.boolValue == true)
            let conflict = try await sim.user(.get, "/servers/\(server.identifier)/resources", key: key)
            #expect(conflict.status == 409)
            #expect(conflict.errorDetail == "This server is currently being transferred to a new machine, please try again later.")
            let again = try await sim.app(.post, "/servers/\(server.id)/transfer", json: #"{"node_id":\#(node),"allocation_id":\#(allocation)}"#)
            #expect(again.status == 409)
            do { let status = try await sim.app(.post, "/servers/\(server.id)/transfer/cancel").status; #expect(status == 204) }
            #expect(sim.state { $0.allocations[allocation]?.serverId } == nil)
            #expect(sim.state { $0.servers[server.id]?.nodeId } == server.nodeId)
            let none = try await sim.app(.post, "/servers/\(server.id)/transfer/cancel")
            #expect(none.status == 406)
            #expect(none.text.isEmpty)
        }
    }

    @Test func aTransferCompletesOnTheSimsClock() async throws {
        var options = SimulatorOptions.pelican()
        let clock = SimClock.manual()
        options.clock = clock
        try await withSim(options) { sim in
            let (server, _) = sim.ownedServer()
            let (node, allocation) = Self.target(sim, for: server)
            do { let status = try await sim.app(.post, "/servers/\(server.id)/transfer", json: #"{"node_id":\#(node),"allocation_id":\#(allocation)}"#).status; #expect(status == 204) }
            try clock.advance(by: 1)
            let moved = try await sim.app(.get, "/servers/\(server.id)")
            #expect(moved.attributes["node"]?.intValue == node)
            #expect(moved.attributes["allocation"]?.intValue == allocation)
            #expect(sim.state { $0.allocations[server.allocationId]?.serverId } == nil)
        }
    }

    @Test func aNodeThatCannotTakeTheServerIs406() async throws {
        try await withSim(Self.stopped) { sim in
            let (server, _) = sim.ownedServer()
            let (node, allocation) = Self.target(sim, for: server)
            sim.mutate { state in
                state.nodes[node]?.memory = 1
                state.nodes[node]?.memoryOverallocate = 0
            }
            let refused = try await sim.app(.post, "/servers/\(server.id)/transfer", json: #"{"node_id":\#(node),"allocation_id":\#(allocation)}"#)
            #expect(refused.status == 406)
            #expect(sim.state { $0.transfers.isEmpty })
        }
    }

    /// config/http.php: 256 a minute per user on each API.
    @Test func bothAPIsAllow256AMinutePerUser() async throws {
        var options = SimulatorOptions.pelican()
        options.rateLimits = RateLimitOptions(windowSeconds: 60)
        try await withSim(options) { sim in
            let first = try await sim.app(.get, "/roles")
            #expect(first.header("X-RateLimit-Limit") == "256")
            #expect(first.header("X-RateLimit-Remaining") == "255")
            for _ in 0..<255 { _ = try await sim.app(.get, "/roles") }
            let refused = try await sim.app(.get, "/roles")
            #expect(refused.status == 429)
            let client = try await sim.user(.get, "")
            #expect(client.status == 200)
            #expect(client.header("X-RateLimit-Limit") == "256")
            #expect(client.header("X-RateLimit-Remaining") == "255")
        }
    }
}

extension PelicanTransferAndLimitTests {
    /// app/Enums/ResourceLimit.php: 2 databases a minute per server, whoever asks; the
    /// refusal keeps the API's Limit and Remaining and adds its own Retry-After.
    @Test func databaseCreationIsLimitedPerServer() async throws {
        var options = SimulatorOptions.pelican()
        options.rateLimits = RateLimitOptions(windowSeconds: 60)
        options.clock = .manual()
        try await withSim(options) { sim in
            let (server, key) = sim.ownedServer()
            sim.mutate { $0.servers[server.id]?.databaseLimit = 10 }
            let body = #"{"database":"store","remote":"%"}"#
            var statuses: [Int] = []
            for (index, who) in [key, key, sim.clientKey].enumerated() {
                let answer = try await sim.user(.post, "/servers/\(server.identifier)/databases", key: who, json: body.replacingOccurrences(of: "store", with: "store\(index)"))
                statuses.append(answer.status)
                if index == 2 {
                    #expect(answer.errorCode == "ThrottleRequestsException")
                    #expect(answer.header("Retry-After") != nil)
                    #expect(answer.header("X-RateLimit-Limit") == "256")
                }
            }
            // The third, from the admin, is refused all the same: the count is the server's.
            #expect(statuses == [200, 200, 429])
            // Another server has its own count.
            let other = sim.state { state in state.sortedValues(state.servers).first { $0.id != server.id && $0.status == nil }! }
            sim.mutate { $0.servers[other.id]?.databaseLimit = 10 }
            let elsewhere = try await sim.user(.post, "/servers/\(other.identifier)/databases", json: body)
            #expect(elsewhere.status == 200, "\(elsewhere.text)")
        }
    }
}

extension PelicanTransferAndLimitTests {
    /// `ResourceLimit::FilePull`: 5 pulls in 10 minutes per server (1.x: 10 in 5 per user).
    @Test func pullsAreFiveInTenMinutesPerServer() async throws {
        var options = SimulatorOptions.pelican()
        options.rateLimits = RateLimitOptions(windowSeconds: 60)
        let clock = SimClock.manual()
        options.clock = clock
        try await withSim(options) { sim in
            let (server, key) = sim.ownedServer()
            var statuses: [Int] = []
            for index in 0..<6 {
                let answer = try await sim.user(.post, "/servers/\(server.identifier)/files/pull", key: key,
                                                json: #"{"url":"https://example.com/f\#(index).zip"}"#)
                statuses.append(answer.status)
            }
            #expect(statuses == [204, 204, 204, 204, 204, 429])
            // Nine minutes on, still within the ten.
            try clock.advance(by: 540)
            do { let status = try await sim.user(.post, "/servers/\(server.identifier)/files/pull", key: key, json: #"{"url":"https://example.com/g.zip"}"#).status; #expect(status == 429) }
            try clock.advance(by: 61)
            do { let status = try await sim.user(.post, "/servers/\(server.identifier)/files/pull", key: key, json: #"{"url":"https://example.com/h.zip"}"#).status; #expect(status == 204) }
        }
    }
}
