import Testing
@testable import PteroSim

@Suite struct ApplicationAllocationTests {
    @Test func listWithServerIdFilter() async throws {
        try await withSim { sim in
            let all = try await sim.app(.get, "/nodes/1/allocations?per_page=500")
            let total = all.json["meta"]?["pagination"]?["total"]?.intValue ?? 0
            let unassigned = try await sim.app(.get, "/nodes/1/allocations?per_page=500&filter[server_id]=false")
            let serverId = sim.state { $0.servers.values.first { $0.nodeId == 1 }!.id }
            let assigned = try await sim.app(.get, "/nodes/1/allocations?filter[server_id]=\(serverId)&include=server")
            #expect(unassigned.data.allSatisfy { $0["attributes"]?["assigned"]?.boolValue == false })
            #expect(!assigned.data.isEmpty)
            #expect(assigned.data.first?["attributes"]?["relationships"]?["server"]?["attributes"]?["id"]?.intValue == serverId)
            #expect(unassigned.data.count < total)
            let byPort = try await sim.app(.get, "/nodes/1/allocations?filter[port]=25565")
            #expect(byPort.data.count == 1)
            // PHP's empty("0") is true: "0" is the unassigned ones; an empty value is no filter.
            let zero = try await sim.app(.get, "/nodes/1/allocations?per_page=500&filter[server_id]=0")
            #expect(zero.data.count == unassigned.data.count)
            let empty = try await sim.app(.get, "/nodes/1/allocations?per_page=500&filter[server_id]=")
            #expect(empty.json["meta"]?["pagination"]?["total"]?.intValue == total)
            let unknown = try await sim.app(.get, "/nodes/1/allocations?filter[nope]=1")
            #expect(unknown.status == 400)
        }
    }

    @Test func createSkipsExistingAndChecksRanges() async throws {
        try await withSim { sim in
            let created = try await sim.app(.post, "/nodes/2/allocations", json: #"{"ip":"10.99.0.1","ports":["30000","30001-30003"]}"#)
            #expect(created.status == 204)
            let again = try await sim.app(.post, "/nodes/2/allocations", json: #"{"ip":"10.99.0.1","ports":["30000"]}"#)
            #expect(again.status == 204)
            let listed = try await sim.app(.get, "/nodes/2/allocations?filter[ip]=10.99.0.1")
            #expect(listed.data.count == 4)
            let low = try await sim.app(.post, "/nodes/2/allocations", json: #"{"ip":"10.99.0.1","ports":["80"]}"#)
            #expect(low.errorCode == "PortOutOfRangeException")
            let wide = try await sim.app(.post, "/nodes/2/allocations", json: #"{"ip":"10.99.0.1","ports":["10000-12000"]}"#)
            #expect(wide.errorCode == "TooManyPortsInRangeException")
            let cidr = try await sim.app(.post, "/nodes/2/allocations", json: #"{"ip":"10.99.0.0/24","ports":["30000"]}"#)
            #expect(cidr.errorDetail == "CIDR notation only allows masks between /25 and /32.")
            let missing = try await sim.app(.post, "/nodes/2/allocations", json: #"{}"#)
            #expect(missing.errors.compactMap { $0["detail"]?.stringValue } == ["The ip field is required.", "The ports field is required."])
        }
    }

    @Test func deleteRefusesAssigned() async throws {
        try await withSim { sim in
            let (assigned, free) = sim.state { state in
                (state.servers[1]!.allocationId, state.sortedValues(state.allocations).first { $0.serverId == nil && $0.nodeId == state.servers[1]!.nodeId }!.id)
            }
            let node = sim.state { $0.servers[1]!.nodeId }
            let refused = try await sim.app(.delete, "/nodes/\(node)/allocations/\(assigned)")
            #expect(refused.status == 400)
            #expect(refused.errorCode == "ServerUsingAllocationException")
            let check1 = try await sim.app(.delete, "/nodes/\(node)/allocations/\(free)").status == 204
            #expect(check1)
            let check2 = try await sim.app(.delete, "/nodes/\(node == 1 ? 2 : 1)/allocations/\(assigned)").status == 404
            #expect(check2)
        }
    }
}
