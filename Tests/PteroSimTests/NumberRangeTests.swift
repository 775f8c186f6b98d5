import Foundation
import Testing
@testable import PteroSim

/// Numbers from a request at the edges (fractions, 1e300, 2^63, -1, Int.max): each gets
/// the panel's answer, and none may stop the sim.
@Suite struct NumberRangeTests {
    func buildBody(_ sim: SimHarness, server: Int, memory: String, databases: String = "0") -> String {
        let primary = sim.state { $0.servers[server]!.allocationId }
        return #"{"allocation":\#(primary),"limits":{"memory":\#(memory),"swap":0,"disk":1000,"io":500,"cpu":50},"feature_limits":{"databases":\#(databases),"backups":2}}"#
    }

    /// `s.build(memory: s.limits.memory * 1.3)` stopped the sim (a force-unwrapped Int of 5324.8).
    @Test func fractionalLimitIsStoredRoundedAsThePanelsDatabaseDoes() async throws {
        try await withSim { sim in
            let result = try await sim.app(.patch, "/servers/2/build", json: buildBody(sim, server: 2, memory: "5324.8"))
            #expect(result.status == 200)
            #expect(result.attributes["limits"]?["memory"] == .int(5325))
            let text = try await sim.app(.patch, "/servers/2/build", json: buildBody(sim, server: 2, memory: #""2048.7""#))
            #expect(text.attributes["limits"]?["memory"] == .int(2049))
        }
    }

    @Test func limitsBeyondTheColumnAreClippedToIt() async throws {
        try await withSim { sim in
            for memory in ["1e300", "9223372036854775808", "9223372036854775807"] {
                let result = try await sim.app(.patch, "/servers/2/build", json: buildBody(sim, server: 2, memory: memory))
                #expect(result.status == 200, "memory \(memory)")
                #expect(result.attributes["limits"]?["memory"] == .int(4_294_967_295), "memory \(memory)")
            }
            // PHP reads 1e400 as INF; how MySQL stores that is not modelled, only that nothing stops.
            let infinite = try await sim.app(.patch, "/servers/2/build", json: buildBody(sim, server: 2, memory: "1e400"))
            #expect(infinite.status == 200)
            // A server that large still reports its resources (memory in bytes is computed from it).
            let identifier = sim.state { $0.servers[2]!.identifier }
            let resources = try await sim.user(.get, "/servers/\(identifier)/resources")
            #expect(resources.status == 200)
        }
    }

    @Test func negativeLimitIsThePanels422() async throws {
        try await withSim { sim in
            let result = try await sim.app(.patch, "/servers/2/build", json: buildBody(sim, server: 2, memory: "-1"))
            #expect(result.status == 422)
            #expect(result.firstError["meta"]?["source_field"]?.stringValue == "limits.memory")
            #expect(result.firstError["meta"]?["rule"]?.stringValue == "min")
            #expect(result.errorDetail == "The limits.memory must be at least 0.")
        }
    }

    /// Laravel's `integer` reads a float as PHP prints it (14 digits), so 1e14 and a JSON
    /// integer beyond Int64 (a float to json_decode) are not integers.
    @Test func integerRuleRefusesFloatsPHPPrintsInExponentForm() async throws {
        try await withSim { sim in
            for databases in ["1e14", "9223372036854775808", "2.5"] {
                let result = try await sim.app(.patch, "/servers/2/build", json: buildBody(sim, server: 2, memory: "512", databases: databases))
                #expect(result.status == 422, "databases \(databases)")
                #expect(result.firstError["meta"]?["rule"]?.stringValue == "integer", "databases \(databases)")
            }
            let whole = try await sim.app(.patch, "/servers/2/build", json: buildBody(sim, server: 2, memory: "512", databases: "3.0"))
            #expect(whole.attributes["feature_limits"]?["databases"] == .int(3))
            let large = try await sim.app(.patch, "/servers/2/build", json: buildBody(sim, server: 2, memory: "512", databases: "9223372036854775807"))
            #expect(large.attributes["feature_limits"]?["databases"] == .int(4_294_967_295))
        }
    }

    @Test func nodeNumbersAreStoredAsItsColumnsStoreThem() async throws {
        try await withSim { sim in
            let location = sim.state { $0.nodes[1]!.locationId }
            let body = #"{"name":"n","location_id":\#(location),"fqdn":"n.example.com","scheme":"https","memory":1024.6,"memory_overallocate":1e300,"disk":9223372036854775808,"disk_overallocate":-1,"daemon_sftp":2022.4,"daemon_listen":8080}"#
            let result = try await sim.app(.patch, "/nodes/1", json: body)
            #expect(result.status == 200)
            #expect(result.attributes["memory"] == .int(1025))
            #expect(result.attributes["memory_overallocate"] == .int(2_147_483_647))
            #expect(result.attributes["disk"] == .int(4_294_967_295))
            #expect(result.attributes["daemon_sftp"] == .int(2022))
        }
    }

    @Test func hugePageAndPageSizeGiveAnEmptyPage() async throws {
        try await withSim { sim in
            for query in ["page=9223372036854775807", "per_page=9223372036854775807", "page=9223372036854775807&per_page=9223372036854775807",
                          "page=4611686018427387904&per_page=4"] {
                let result = try await sim.app(.get, "/servers?\(query)")
                #expect(result.status == 200, "\(query)")
            }
            let all = try await sim.app(.get, "/servers?per_page=9223372036854775807")
            #expect(all.json["meta"]?["pagination"]?["total_pages"] == .int(1))
            let far = try await sim.app(.get, "/servers?page=4611686018427387904&per_page=4")
            #expect(far.data.isEmpty)
        }
    }

    @Test func deployableWithHugeMemoryFindsNoNode() async throws {
        try await withSim { sim in
            let result = try await sim.app(.get, "/nodes/deployable?memory=9223372036854775807&disk=9223372036854775807")
            #expect(result.status == 400)
            #expect(result.errorCode == "NoViableNodeException")
        }
    }

    /// A port range is kept as a range: `1025-2026` is allowed, a wider one is the panel's
    /// error, and text that is not `NNNN-NNNNN` is ignored (it expanded 0...Int.max before).
    @Test func deployPortRangesAreBoundedAsThePanelBoundsThem() async throws {
        #expect(try ServerCreateRoute.portRanges([.string("1025-2025")]) == [1025..<2026])
        #expect(try ServerCreateRoute.portRanges([.string("0-9223372036854775807"), .string("9223372036854775807")]) == [])
        #expect(try ServerCreateRoute.portRanges([.string("3000-2000")]) == [3000..<3000])
        #expect(throws: PanelError.self) { try ServerCreateRoute.portRanges([.string("1025-2026")]) }
    }
}
