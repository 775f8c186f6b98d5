import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Application/Location/LocationControllerTest.php.
@Suite struct LocationControllerPortTests {
    static let locationKeys = ["id", "short", "long", "created_at", "updated_at"]

    /// The panel test's database holds only its two factory locations; here the seeded ones (and their nodes) go.
    @Test func testGetLocations() async throws {
        try await withSim { sim in
            sim.mutate { $0.locations = [:] }
            let locations = [sim.createLocation(), sim.createLocation()]
            let response = try await sim.app(.get, "/locations?per_page=60")
            #expect(response.status == 200)
            #expect(response.data.count == 2)
            #expect(response.json["object"]?.stringValue == "list")
            #expect(hasKeys(response.json["meta"]?["pagination"], ["total", "count", "per_page", "current_page", "total_pages"]))
            let pagination = response.json["meta"]?["pagination"]
            #expect(pagination?["total"]?.intValue == 2)
            #expect(pagination?["count"]?.intValue == 2)
            #expect(pagination?["per_page"]?.intValue == 60)
            #expect(pagination?["current_page"]?.intValue == 1)
            #expect(pagination?["total_pages"]?.intValue == 1)
            for (index, location) in locations.enumerated() {
                let item = response.data[index]
                #expect(item["object"]?.stringValue == "location")
                #expect(hasKeys(item["attributes"], Self.locationKeys))
                #expect(item["attributes"]?["id"]?.intValue == location.id)
                #expect(item["attributes"]?["short"]?.stringValue == location.short)
                #expect(item["attributes"]?["long"]?.stringValue == location.long)
                #expect(item["attributes"]?["created_at"]?.stringValue == Timestamp.iso(location.createdAt))
                #expect(item["attributes"]?["updated_at"]?.stringValue == Timestamp.iso(location.updatedAt))
            }
        }
    }

    @Test func testGetSingleLocation() async throws {
        try await withSim { sim in
            let location = sim.createLocation()
            let response = try await sim.app(.get, "/locations/\(location.id)")
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(response.json["object"]?.stringValue == "location")
            #expect(hasKeys(response.attributes, Self.locationKeys))
            #expect(response.attributes["id"]?.intValue == location.id)
            #expect(response.attributes["short"]?.stringValue == location.short)
            #expect(response.attributes["long"]?.stringValue == location.long)
            #expect(response.attributes["created_at"]?.stringValue == Timestamp.iso(location.createdAt))
            #expect(response.attributes["updated_at"]?.stringValue == Timestamp.iso(location.updatedAt))
        }
    }

    @Test func testCreateLocation() async throws {
        try await withSim { sim in
            let response = try await sim.app(.post, "/locations", json: #"{"short":"inhouse","long":"This is my inhouse location"}"#)
            #expect(response.status == 201)
            #expect(keys(response.json) == ["object", "attributes", "meta"])
            #expect(hasKeys(response.attributes, Self.locationKeys))
            let stored = sim.state { $0.locations.values.first { $0.short == "inhouse" } }
            #expect(stored?.long == "This is my inhouse location")
            let id = try #require(stored?.id)
            #expect(response.json["object"]?.stringValue == "location")
            #expect(response.attributes["id"]?.intValue == id)
            #expect(response.attributes["short"]?.stringValue == "inhouse")
            #expect(response.attributes["long"]?.stringValue == "This is my inhouse location")
            #expect(response.json["meta"]?["resource"]?.stringValue?.hasSuffix("/api/application/locations/\(id)") == true)
        }
    }

    @Test func testUpdateLocation() async throws {
        try await withSim { sim in
            let location = sim.createLocation()
            let response = try await sim.app(.patch, "/locations/\(location.id)", json: #"{"short":"new inhouse","long":"This is my new inhouse location"}"#)
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(hasKeys(response.attributes, Self.locationKeys))
            let fresh = try #require(sim.state { $0.locations[location.id] })
            #expect(fresh.short == "new inhouse")
            #expect(fresh.long == "This is my new inhouse location")
            #expect(response.json["object"]?.stringValue == "location")
            #expect(response.attributes["short"]?.stringValue == "new inhouse")
            #expect(response.attributes["long"]?.stringValue == "This is my new inhouse location")
            #expect(response.attributes["updated_at"]?.stringValue == Timestamp.iso(fresh.updatedAt))
        }
    }

    @Test func testDeleteLocation() async throws {
        try await withSim { sim in
            let location = sim.createLocation()
            #expect(sim.state { $0.locations[location.id] } != nil)
            let response = try await sim.app(.delete, "/locations/\(location.id)")
            #expect(response.status == 204)
            #expect(sim.state { $0.locations[location.id] } == nil)
        }
    }

    /// The panel creates a location with one node and one server on it; here a seeded node (with its servers)
    /// moves to a new location, and the relationships must be exactly that node and those servers, as the
    /// node and server endpoints transform them.
    @Test func testRelationshipsCanBeLoaded() async throws {
        try await withSim { sim in
            let location = sim.createLocation()
            let node = try #require(sim.state { state in state.sortedValues(state.nodes).first { node in state.servers.values.contains { $0.nodeId == node.id } } })
            sim.mutate { $0.nodes[node.id]?.locationId = location.id }
            let serverIds = sim.state { state in state.sortedValues(state.servers).filter { $0.nodeId == node.id }.map(\.id) }
            let response = try await sim.app(.get, "/locations/\(location.id)?include=servers,nodes")
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(keys(response.attributes["relationships"]).count == 2)
            #expect(hasStructure(response.attributes, ["relationships.nodes.object", "relationships.nodes.data.0.attributes.id",
                                                       "relationships.servers.object", "relationships.servers.data.0.attributes.id"]))
            let nodes = response.attributes["relationships"]?["nodes"]
            #expect(nodes?["object"]?.stringValue == "list")
            #expect(nodes?["data"]?.arrayValue?.count == 1)
            #expect(nodes?["data"]?[0]?["object"]?.stringValue == "node")
            let nodeView = try await sim.app(.get, "/nodes/\(node.id)")
            #expect(nodes?["data"]?[0]?["attributes"] == nodeView.attributes)
            let servers = response.attributes["relationships"]?["servers"]
            #expect(servers?["object"]?.stringValue == "list")
            #expect(servers?["data"]?.arrayValue?.map { $0["attributes"]?["id"]?.intValue } == serverIds)
            let serverView = try await sim.app(.get, "/servers/\(serverIds[0])")
            #expect(servers?["data"]?[0]?["object"]?.stringValue == "server")
            #expect(servers?["data"]?[0]?["attributes"] == serverView.attributes)
        }
    }

    @Test func testKeyWithoutPermissionCannotLoadRelationship() async throws {
        try await withSim { sim in
            let key = sim.applicationKey(overriding: ["nodes": 0])
            let location = sim.createLocation()
            sim.mutate { $0.nodes[1]?.locationId = location.id }
            let response = try await sim.request(.get, "/api/application/locations/\(location.id)?include=nodes", key: key)
            #expect(response.status == 200)
            #expect(keys(response.json) == ["object", "attributes"])
            #expect(keys(response.attributes["relationships"]) == ["nodes"])
            #expect(hasKeys(response.attributes["relationships"]?["nodes"], ["object", "attributes"]))
            #expect(response.attributes["relationships"]?["nodes"]?["object"]?.stringValue == "null_resource")
            #expect(response.attributes["relationships"]?["nodes"]?["attributes"] == .null)
        }
    }

    @Test func testGetMissingLocation() async throws {
        try await withSim { sim in
            expectNotFoundJson(try await sim.app(.get, "/locations/nil"))
        }
    }

    @Test func testErrorReturnedIfNoPermission() async throws {
        try await withSim { sim in
            let location = sim.createLocation()
            let key = sim.applicationKey(overriding: ["locations": 0])
            expectAccessDeniedJson(try await sim.request(.get, "/api/application/locations/\(location.id)", key: key))
        }
    }
}
