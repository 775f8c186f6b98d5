import Foundation
import PteroKit
import Testing

/// Nodes and their allocations on the application API.
struct ApplicationNodeEndpointTests {
    @Test func nodesCanBeListedInspectedCreatedReplacedAndDeleted() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let nodes = try await client.listNodes(ListQuery(include: ["location", "allocations"], sort: ["id"])).collect()
            #expect(nodes.count == 5)
            let first = try #require(nodes.first)
            #expect(first.relationships?.location?.value?.id == first.locationId)
            #expect(first.relationships?.allocations?.items?.isEmpty == false)
            #expect(try await client.node(id: first.id, include: ["servers"]).relationships?.servers?.items != nil)
            let configuration = try await client.nodeConfiguration(id: first.id)
            #expect(configuration.uuid == first.uuid && configuration.api.port == first.daemonListen)
            #expect(configuration.system.data == first.daemonBase)
            let deployable = try await client.deployableNodes(memory: 1, disk: 1)
            #expect(!deployable.isEmpty && deployable.allSatisfy(\.isPublic))

            let details = NodeDetails(name: "test-node", locationId: first.locationId, fqdn: "node.test.example", scheme: "https",
                                      memory: 4096, memoryOverallocate: 0, disk: 50_000, diskOverallocate: 0,
                                      daemonListen: 8080, daemonSftp: 2022, daemonBase: "/srv/volumes")
            let created = try await client.createNode(details)
            #expect(created.name == "test-node" && created.daemonBase == "/srv/volumes" && created.uploadSize == 100)
            var bigger = details
            bigger.memory = 8192
            let replaced = try await client.replaceNode(id: created.id, with: bigger)
            #expect(replaced.memory == 8192 && replaced.daemonBase == "/srv/volumes")
            try await client.deleteNode(id: created.id)
            await #expect(throws: PanelError.self) { try await client.node(id: created.id) }
        }
    }

    @Test func allocationsCanBeListedAddedAndDeleted() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let allocations = try await client.listAllocations(node: 1, ListQuery(include: ["server"], perPage: 50)).collect()
            let assigned = try #require(allocations.first { $0.assigned })
            #expect(assigned.relationships?.server?.value != nil)
            let free = try #require(allocations.first { !$0.assigned })
            #expect(free.relationships?.server != nil && free.relationships?.server?.value == nil)

            try await client.createAllocations(node: 1, NewAllocations(ip: assigned.ip, ports: ["40000-40002"], alias: "extra"))
            let added = try await client.listAllocations(node: 1, ListQuery(filters: ["port": "40001"])).collect()
            let allocation = try #require(added.first)
            #expect(added.count == 1 && allocation.alias == "extra" && allocation.ip == assigned.ip)
            try await client.deleteAllocation(node: 1, id: allocation.id)
            #expect(try await client.listAllocations(node: 1, ListQuery(filters: ["port": "40001"])).collect().isEmpty)
        }
    }
}
