import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Application/Nests/EggControllerTest.php.
/// The panel compares each item with EggTransformer's output; the sim's one transformer gives the list and the
/// single view, so an item is compared with the egg's own view.
@Suite struct EggControllerPortTests {
    static let eggKeys = ["id", "uuid", "nest", "author", "description", "docker_image", "startup", "script", "config", "created_at", "updated_at"]

    @Test func testListAllEggsInNest() async throws {
        try await withSim { sim in
            let eggs = sim.state { $0.sortedValues($0.eggs).filter { $0.nestId == 1 } }
            let response = try await sim.app(.get, "/nests/1/eggs")
            #expect(response.status == 200)
            #expect(response.data.count == eggs.count)
            #expect(response.json["object"]?.stringValue == "list")
            for datum in response.data {
                #expect(datum["object"]?.stringValue == "egg")
                let attributes = datum["attributes"] ?? .null
                #expect(hasKeys(attributes, Self.eggKeys))
                #expect(hasKeys(attributes["script"], ["privileged", "install", "entry", "container", "extends"]))
                #expect(hasKeys(attributes["config"], ["files", "startup", "stop", "logs", "extends"]))
                #expect(hasKeys(attributes["config"]?["startup"], ["done"]))
                let id = try #require(attributes["id"]?.intValue)
                #expect(eggs.contains { $0.id == id })
                let single = try await sim.app(.get, "/nests/1/eggs/\(id)")
                #expect(attributes == single.attributes)
            }
        }
    }

    @Test func testReturnSingleEgg() async throws {
        try await withSim { sim in
            let egg = try #require(sim.state { $0.eggs[1] })
            let response = try await sim.app(.get, "/nests/\(egg.nestId)/eggs/1")
            #expect(response.status == 200)
            #expect(hasKeys(response.json, ["object", "attributes"]))
            #expect(hasKeys(response.attributes, Self.eggKeys))
            #expect(response.json["object"]?.stringValue == "egg")
            #expect(response.attributes["id"]?.intValue == 1)
            #expect(response.attributes["uuid"]?.stringValue == egg.uuid)
            #expect(response.attributes["nest"]?.intValue == egg.nestId)
            #expect(response.attributes["author"]?.stringValue == egg.author)
            #expect(response.attributes["startup"]?.stringValue == egg.startup)
            #expect(response.attributes["created_at"]?.stringValue == Timestamp.iso(egg.createdAt))
        }
    }

    @Test func testReturnSingleEggWithRelationships() async throws {
        try await withSim { sim in
            let egg = try #require(sim.state { $0.eggs[1] })
            let response = try await sim.app(.get, "/nests/\(egg.nestId)/eggs/1?include=servers,variables,nest")
            #expect(response.status == 200)
            #expect(hasStructure(response.json, ["object", "attributes.relationships.nest.object", "attributes.relationships.nest.attributes",
                                                 "attributes.relationships.servers.object", "attributes.relationships.servers.data",
                                                 "attributes.relationships.variables.object", "attributes.relationships.variables.data"]))
        }
    }

    @Test func testGetMissingEgg() async throws {
        try await withSim { sim in
            let egg = try #require(sim.state { $0.eggs[1] })
            expectNotFoundJson(try await sim.app(.get, "/nests/\(egg.nestId)/eggs/nil"))
        }
    }

    @Test func testErrorReturnedIfNoPermission() async throws {
        try await withSim { sim in
            let egg = try #require(sim.state { $0.eggs[1] })
            let key = sim.applicationKey(overriding: ["eggs": 0])
            expectAccessDeniedJson(try await sim.request(.get, "/api/application/nests/\(egg.nestId)/eggs", key: key))
        }
    }
}
