import Testing
@testable import PteroSim

@Suite struct ApplicationDatabaseAndNestTests {
    @Test func serverDatabasesLifecycle() async throws {
        try await withSim { sim in
            let serverId = sim.state { $0.sortedValues($0.servers).first { ($0.databaseLimit ?? 0) >= 2 && $0.status == nil }!.id }
            let created = try await sim.app(.post, "/servers/\(serverId)/databases", json: #"{"database":"stats","remote":"%","host":1}"#)
            #expect(created.status == 201)
            #expect(created.attributes["database"]?.stringValue == "s\(serverId)_stats")
            let id = created.attributes["id"]!.intValue!
            #expect(created.json["meta"]?["resource"]?.stringValue?.hasSuffix("/servers/\(serverId)/databases/\(id)") == true)
            let list = try await sim.app(.get, "/servers/\(serverId)/databases?include=password,host")
            #expect(list.json["meta"] == nil)
            let entry = list.data.first { $0["attributes"]?["id"]?.intValue == id }
            #expect(entry?["attributes"]?["relationships"]?["password"]?["object"]?.stringValue == "database_password")
            #expect(entry?["attributes"]?["relationships"]?["host"]?["object"]?.stringValue == "database_host")
            let before = try await sim.app(.get, "/servers/\(serverId)/databases/\(id)?include=password")
            let check1 = try await sim.app(.post, "/servers/\(serverId)/databases/\(id)/reset-password").status == 204
            #expect(check1)
            let after = try await sim.app(.get, "/servers/\(serverId)/databases/\(id)?include=password")
            #expect(before.attributes["relationships"]?["password"] != after.attributes["relationships"]?["password"])
            let duplicate = try await sim.app(.post, "/servers/\(serverId)/databases", json: #"{"database":"stats","remote":"%","host":1}"#)
            #expect(duplicate.errorDetail == "The Database Name has already been taken.")
            let check2 = try await sim.app(.delete, "/servers/\(serverId)/databases/\(id)").status == 204
            #expect(check2)
            let check3 = try await sim.app(.get, "/servers/\(serverId)/databases/\(id)").status == 404
            #expect(check3)
        }
    }

    @Test func databaseValidationAndLimit() async throws {
        try await withSim { sim in
            let invalid = try await sim.app(.post, "/servers/1/databases", json: #"{"database":"bad name!","remote":"x"}"#)
            #expect(invalid.errors.compactMap { $0["meta"]?["rule"]?.stringValue } == ["alpha_dash", "regex", "required"])
            let limited = sim.state { $0.sortedValues($0.servers).first { $0.databaseLimit == 0 }!.id }
            let refused = try await sim.app(.post, "/servers/\(limited)/databases", json: #"{"database":"x","remote":"%","host":1}"#)
            #expect(refused.errorCode == "TooManyDatabasesException")
        }
    }

    @Test func nestsAndEggs() async throws {
        try await withSim { sim in
            let nests = try await sim.app(.get, "/nests?include=eggs")
            #expect(nests.data.first?["attributes"]?["name"]?.stringValue == "Minecraft")
            #expect(nests.json["meta"]?["pagination"]?["total"]?.intValue == 5)
            let check4 = try await sim.app(.get, "/nests/1").attributes["author"]?.stringValue == "support@pterodactyl.io"
            #expect(check4)
            let eggs = try await sim.app(.get, "/nests/1/eggs?include=variables")
            #expect(eggs.json["meta"] == nil)
            #expect(eggs.data.first?["attributes"]?["name"]?.stringValue == "Paper")
            let egg = try await sim.app(.get, "/nests/1/eggs/1?include=config")
            #expect(egg.attributes["docker_images"]?["Java 17"]?.stringValue == "ghcr.io/pterodactyl/yolks:java_17")
            #expect(egg.attributes["relationships"]?["config"]?["object"]?.stringValue == "null_resource")
            let check5 = try await sim.app(.get, "/nests/2/eggs/1").status == 404
            #expect(check5)
            let check6 = try await sim.app(.get, "/nests/99").status == 404
            #expect(check6)
        }
    }
}
