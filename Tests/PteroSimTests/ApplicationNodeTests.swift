import Testing
@testable import PteroSim

@Suite struct ApplicationNodeTests {
    static let nodeBody = #"{"name":"New Node","location_id":1,"fqdn":"new.example.net","scheme":"https","memory":1024,"memory_overallocate":0,"disk":2048,"disk_overallocate":0,"daemon_listen":8080,"daemon_sftp":2022}"#

    @Test func listSortsAndIncludes() async throws {
        try await withSim { sim in
            let result = try await sim.app(.get, "/nodes?sort=-memory&include=location")
            #expect(result.data.count == 5)
            let memories = result.data.compactMap { $0["attributes"]?["memory"]?.intValue }
            #expect(memories == memories.sorted(by: >))
            #expect(result.data.first?["attributes"]?["relationships"]?["location"]?["object"]?.stringValue == "location")
            let bad = try await sim.app(.get, "/nodes?filter[bogus]=1")
            #expect(bad.status == 400)
            #expect(bad.errorDetail == "Requested filter(s) `bogus` are not allowed. Allowed filter(s) are `uuid, name, fqdn, daemon_token_id`.")
        }
    }

    @Test func nodeThreeHasServersAndAllocatedResources() async throws {
        try await withSim { sim in
            let node = try await sim.app(.get, "/nodes/3?include=servers")
            #expect(node.status == 200)
            #expect(node.attributes["relationships"]?["servers"]?["data"]?.arrayValue?.isEmpty == false)
            #expect((node.attributes["allocated_resources"]?["memory"]?.intValue ?? 0) > 0)
            let check1 = try await sim.app(.get, "/nodes/77").status == 404
            #expect(check1)
        }
    }

    @Test func deployableNeedsMemoryAndDiskAndPaginatesOnlyWithPage() async throws {
        try await withSim { sim in
            let invalid = try await sim.app(.get, "/nodes/deployable")
            #expect(invalid.status == 422)
            #expect(invalid.errors.compactMap { $0["detail"]?.stringValue } == ["The memory field is required.", "The disk field is required."])
            let plain = try await sim.app(.get, "/nodes/deployable?memory=128&disk=128")
            #expect(plain.status == 200)
            #expect(plain.json["meta"] == nil)
            let paged = try await sim.app(.get, "/nodes/deployable?memory=128&disk=128&page=1")
            #expect(paged.json["meta"]?["pagination"] != nil)
            let none = try await sim.app(.get, "/nodes/deployable?memory=99999999&disk=1")
            #expect(none.status == 400)
            #expect(none.errorCode == "NoViableNodeException")
        }
    }

    @Test func configurationIsRawWingsConfig() async throws {
        try await withSim { sim in
            let result = try await sim.app(.get, "/nodes/1/configuration")
            #expect(result.json["object"] == nil)
            #expect(result.json["token"]?.stringValue?.count == 64)
            #expect(result.json["token_id"]?.stringValue?.count == 16)
            #expect(result.json["api"]?["ssl"]?["enabled"]?.boolValue == true)
            let check2 = try await sim.app(.get, "/nodes/404/configuration").status == 404
            #expect(check2)
        }
    }

    @Test func createUpdateDelete() async throws {
        try await withSim { sim in
            let created = try await sim.app(.post, "/nodes", json: Self.nodeBody)
            #expect(created.status == 201)
            #expect(created.attributes["daemon_base"]?.stringValue == "/var/lib/pterodactyl/volumes")
            let id = created.attributes["id"]!.intValue!
            #expect(created.json["meta"]?["resource"]?.stringValue?.hasSuffix("/api/application/nodes/\(id)") == true)
            let partial = try await sim.app(.patch, "/nodes/\(id)", json: #"{"name":"Renamed"}"#)
            #expect(partial.status == 422)
            #expect(partial.errors.contains { $0["meta"]?["source_field"]?.stringValue == "fqdn" })
            let renamed = try await sim.app(.patch, "/nodes/\(id)", json: Self.nodeBody.replacingOccurrences(of: "New Node", with: "Renamed"))
            #expect(renamed.attributes["name"]?.stringValue == "Renamed")
            let check3 = try await sim.app(.delete, "/nodes/\(id)").status == 204
            #expect(check3)
            let busy = try await sim.app(.delete, "/nodes/1")
            #expect(busy.status == 400)
            #expect(busy.errorCode == "HasActiveServersException")
            #expect(busy.errorDetail == "A node must have no servers linked to it in order to be deleted.")
        }
    }

    @Test func createValidatesRegexAndExists() async throws {
        try await withSim { sim in
            let body = Self.nodeBody.replacingOccurrences(of: "New Node", with: "bad/name").replacingOccurrences(of: #""location_id":1"#, with: #""location_id":99"#)
            let result = try await sim.app(.post, "/nodes", json: body)
            #expect(result.status == 422)
            #expect(result.errors.compactMap { $0["meta"]?["rule"]?.stringValue } == ["regex", "exists"])
            #expect(result.errors.compactMap { $0["detail"]?.stringValue } == ["The name format is invalid.", "The selected Location is invalid."])
        }
    }
}
