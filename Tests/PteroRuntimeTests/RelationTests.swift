import PteroKit
import Testing
@testable import PteroRuntime

/// `s.node_ref`, `s.owner`, `s.egg_ref`: related objects, read once per
/// top-level statement.
struct RelationTests {
    @Test func relationsNavigateToTheRelatedObjects() async throws {
        let harness = try await PanelHarness(servers: 10)
        let output = try await harness.run("""
            let s = servers[1]
            print(s.node_ref.id == s.node, s.owner.id == s.user, s.egg_ref.id == s.egg, s.nest_ref.id == s.nest)
            print(type(s.node_ref), type(s.owner), type(s.egg_ref), type(s.node_ref.location_ref))
            print(s.node_ref.location_ref.id == s.node_ref.location_id)
            """)
        #expect(output == ["true true true true", "Node User Egg Location", "true"])
        await harness.stop()
    }

    @Test func aRelationIsReadOncePerStatementAndAfreshInTheNext() async throws {
        let harness = try await PanelHarness(servers: 40)
        let output = try await harness.run("""
            let names = []
            for s in servers { names.push(s.node_ref.name) }
            print(len(names), len(servers.list.map(fn(s) => s.node).sort().unique()))
            """)
        let nodeReads = harness.requests.filter { $0.method == .get && $0.path.hasPrefix("/api/application/nodes/") }
        let distinct = try #require(output.first?.split(separator: " ").last.flatMap { Int($0) })
        #expect(output.first?.hasPrefix("40 ") == true)
        #expect(nodeReads.count == distinct)
        harness.forgetRequests()
        _ = try await harness.run("""
            let s = servers[1]
            print(s.node_ref.name)
            print(s.node_ref.fqdn, s.node_ref.name)
            """)
        #expect(harness.requests.filter { $0.path.hasPrefix("/api/application/nodes/") }.count == 2)
        await harness.stop()
    }

    @Test func aWriteForgetsWhatWasRead() async throws {
        let harness = try await PanelHarness(servers: 4)
        let output = try await harness.run("""
            let s = servers[1]
            fn rename_and_read() {
                let before = s.node_ref.name
                s.node_ref.update(name: "renamed-node")
                return [before == "renamed-node", s.node_ref.name]
            }
            print(rename_and_read())
            """)
        #expect(output == ["[false, \"renamed-node\"]"])
        await harness.stop()
    }
}
