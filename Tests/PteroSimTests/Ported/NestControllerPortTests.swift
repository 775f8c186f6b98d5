import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Application/Nests/NestControllerTest.php.
/// The panel's database seeder makes 4 nests; the sim's catalog adds a fifth (Terraria), so the counts are the sim's.
@Suite struct NestControllerPortTests {
    static let nestKeys = ["id", "uuid", "author", "name", "description", "created_at", "updated_at"]

    @Test func testNestResponse() async throws {
        try await withSim { sim in
            let nests = sim.state { $0.sortedValues($0.nests) }
            let response = try await sim.app(.get, "/nests")
            #expect(response.status == 200)
            #expect(response.data.count == nests.count)
            #expect(response.json["object"]?.stringValue == "list")
            #expect(response.data.allSatisfy { $0["object"]?.stringValue == "nest" && hasKeys($0["attributes"], Self.nestKeys) })
            let pagination = response.json["meta"]?["pagination"]
            #expect(hasKeys(pagination, ["total", "count", "per_page", "current_page", "total_pages"]))
            #expect(pagination?["total"]?.intValue == nests.count)
            #expect(pagination?["count"]?.intValue == nests.count)
            #expect(pagination?["per_page"]?.intValue == 50)
            #expect(pagination?["current_page"]?.intValue == 1)
            #expect(pagination?["total_pages"]?.intValue == 1)
            for nest in nests {
                let item = response.data.first { $0["attributes"]?["id"]?.intValue == nest.id }
                #expect(item?["attributes"]?["uuid"]?.stringValue == nest.uuid)
                #expect(item?["attributes"]?["name"]?.stringValue == nest.name)
                #expect(item?["attributes"]?["author"]?.stringValue == nest.author)
                #expect(item?["attributes"]?["created_at"]?.stringValue == Timestamp.iso(nest.createdAt))
            }
        }
    }

    @Test func testSingleNestResponse() async throws {
        try await withSim { sim in
            let nest = try #require(sim.state { $0.nests[1] })
            let response = try await sim.app(.get, "/nests/1")
            #expect(response.status == 200)
            #expect(hasKeys(response.json, ["object", "attributes"]))
            #expect(response.json["object"]?.stringValue == "nest")
            #expect(hasKeys(response.attributes, Self.nestKeys))
            #expect(response.attributes["id"]?.intValue == 1)
            #expect(response.attributes["uuid"]?.stringValue == nest.uuid)
            #expect(response.attributes["author"]?.stringValue == nest.author)
            #expect(response.attributes["name"]?.stringValue == nest.name)
            #expect(response.attributes["description"]?.stringValue == nest.description)
            #expect(response.attributes["updated_at"]?.stringValue == Timestamp.iso(nest.updatedAt))
        }
    }

    @Test func testSingleNestWithEggsIncluded() async throws {
        try await withSim { sim in
            let eggCount = sim.state { $0.eggs.values.filter { $0.nestId == 1 }.count }
            let response = try await sim.app(.get, "/nests/1?include=servers,eggs")
            #expect(response.status == 200)
            #expect(hasStructure(response.json, ["object", "attributes.relationships.eggs.object", "attributes.relationships.eggs.data",
                                                 "attributes.relationships.servers.object", "attributes.relationships.servers.data"]))
            #expect(response.attributes["relationships"]?["eggs"]?["data"]?.arrayValue?.count == eggCount)
            #expect(eggCount > 0)
        }
    }

    @Test func testGetMissingNest() async throws {
        try await withSim { sim in
            expectNotFoundJson(try await sim.app(.get, "/nests/nil"))
        }
    }

    @Test func testErrorReturnedIfNoPermission() async throws {
        try await withSim { sim in
            let key = sim.applicationKey(overriding: ["nests": 0])
            expectAccessDeniedJson(try await sim.request(.get, "/api/application/nests/1", key: key))
        }
    }
}
