import Testing
@testable import PteroSim

@Suite struct ApplicationServerTests {
    static func createBody(allocation: Int, environment: String = #"{"SERVER_JARFILE":"server.jar","BUILD_NUMBER":"latest"}"#) -> String {
        #"{"name":"Created","user":3,"egg":1,"docker_image":"ghcr.io/pterodactyl/yolks:java_17","startup":"java -jar {{SERVER_JARFILE}}","environment":\#(environment),"limits":{"memory":1024,"swap":0,"disk":2048,"io":500,"cpu":100},"feature_limits":{"databases":1,"backups":1},"allocation":{"default":\#(allocation)}}"#
    }

    @Test func viewShapeAndIncludes() async throws {
        try await withSim { sim in
            let result = try await sim.app(.get, "/servers/1?include=allocations,user,egg,nest,node,location,variables,databases,subusers")
            #expect(keys(result.attributes).prefix(8) == ["id", "external_id", "uuid", "identifier", "name", "description", "status", "suspended"])
            #expect(keys(result.attributes["limits"]) == ["memory", "swap", "disk", "io", "cpu", "threads", "oom_disabled"])
            let environment = result.attributes["container"]?["environment"]
            #expect(environment?["P_SERVER_UUID"]?.stringValue == result.attributes["uuid"]?.stringValue)
            #expect(environment?["STARTUP"] != nil)
            let relationships = result.attributes["relationships"]
            #expect(keys(relationships) == ["allocations", "user", "subusers", "nest", "egg", "variables", "location", "node", "databases"])
            let variable = relationships?["variables"]?["data"]?.arrayValue?.first
            #expect(variable?["object"]?.stringValue == "server_variable")
            #expect(variable?["attributes"]?["created_at"]?.stringValue?.hasSuffix(".000000Z") == true)
            #expect(result.attributes["identifier"]?.stringValue?.count == 8)
        }
    }

    @Test func databasesIncludeUsesQuirkyObjectLabel() async throws {
        try await withSim { sim in
            let serverId = sim.state { $0.sortedValues($0.databases).first!.serverId }
            let result = try await sim.app(.get, "/servers/\(serverId)?include=databases")
            #expect(result.attributes["relationships"]?["databases"]?["data"]?.arrayValue?.first?["object"]?.stringValue == "databases")
        }
    }

    /// GetServersRequest checks `search` (string, at most 100) that the controller never uses.
    @Test(arguments: [false, true]) func searchIsValidatedButNotUsed(pelican: Bool) async throws {
        try await withSim(pelican ? .pelican() : .testing()) { sim in
            let all = try await sim.app(.get, "/servers")
            let searched = try await sim.app(.get, "/servers?search=nothing-matches-this")
            #expect(searched.status == 200)
            #expect(searched.data.count == all.data.count)
            let long = try await sim.app(.get, "/servers?search=" + String(repeating: "a", count: 101))
            #expect(long.status == 422)  // resources/lang/en/validation.php: "may not"
            #expect(long.errorDetail == "The search may not be greater than 100 characters.")
            let list = try await sim.app(.get, "/servers?search[]=a")
            #expect(list.errorDetail == "The search must be a string.")
            let empty = try await sim.app(.get, "/servers?search=")
            #expect(empty.errorDetail == "The search must be a string.")
        }
    }

    @Test func listFiltersSortsAndExternal() async throws {
        try await withSim { sim in
            let identifier = sim.state { $0.servers[7]!.identifier }
            let filtered = try await sim.app(.get, "/servers?filter[uuidShort]=\(identifier)")
            #expect(filtered.data.count == 1)
            let sorted = try await sim.app(.get, "/servers?sort=-id&per_page=1")
            #expect(sorted.data.first?["attributes"]?["id"]?.intValue == 60)
            #expect(sorted.json["meta"]?["pagination"]?["links"]?["next"]?.stringValue?.hasSuffix("/api/application/servers?page=2") == true)
            let external = try await sim.app(.get, "/servers/external/whmcs-5005")
            #expect(external.attributes["id"]?.intValue == 5)
            let check1 = try await sim.app(.get, "/servers/external/none").status == 404
            #expect(check1)
            let check2 = try await sim.app(.get, "/servers/abc").status == 404
            #expect(check2)
        }
    }

    @Test func createInstallsThenBecomesReady() async throws {
        try await withSim { sim in
            let free = sim.state { $0.sortedValues($0.allocations).first { $0.serverId == nil }!.id }
            let created = try await sim.app(.post, "/servers", json: Self.createBody(allocation: free))
            #expect(created.status == 201)
            #expect(created.json["meta"] == nil)
            #expect(created.attributes["status"]?.stringValue == "installing")
            #expect(created.attributes["container"]?["environment"]?["SERVER_JARFILE"]?.stringValue == "server.jar")
            let id = created.attributes["id"]!.intValue!
            try await Task.sleep(for: .milliseconds(120))
            let check3 = try await sim.app(.get, "/servers/\(id)").attributes["status"] == .null
            #expect(check3)
            let taken = try await sim.app(.post, "/servers", json: Self.createBody(allocation: free))
            #expect(taken.status == 422)
            #expect(taken.firstError["meta"]?["source_field"]?.stringValue == "allocation.default")
        }
    }

    @Test func createValidatesEggVariablesWithTheirNames() async throws {
        try await withSim { sim in
            let free = sim.state { $0.sortedValues($0.allocations).first { $0.serverId == nil }!.id }
            let result = try await sim.app(.post, "/servers", json: Self.createBody(allocation: free, environment: #"{"SERVER_JARFILE":"server.zip"}"#))
            #expect(result.status == 422)
            #expect(result.errors.compactMap { $0["detail"]?.stringValue } == [
                "The Server Jar File variable format is invalid.", "The Build Number variable field is required.",
            ])
            #expect(result.errors.first?["meta"]?["source_field"]?.stringValue == "environment.SERVER_JARFILE")
        }
    }

    @Test func createWithDeploy() async throws {
        try await withSim { sim in
            let body = Self.createBody(allocation: 0).replacingOccurrences(of: #""allocation":{"default":0}"#, with: #""deploy":{"locations":[1],"dedicated_ip":false,"port_range":[]}"#)
            let created = try await sim.app(.post, "/servers", json: body)
            #expect(created.status == 201)
            let node = created.attributes["node"]!.intValue!
            #expect(sim.state { $0.nodes[node]!.locationId } == 1)
        }
    }

    @Test func detailsPatchClearsOmittedExternalId() async throws {
        try await withSim { sim in
            let result = try await sim.app(.patch, "/servers/5/details", json: #"{"name":"Renamed","user":2}"#)
            #expect(result.status == 200)
            #expect(result.attributes["external_id"] == .null)
            #expect(result.attributes["description"]?.stringValue == "")
            let invalid = try await sim.app(.patch, "/servers/5/details", json: #"{"name":"x","user":999}"#)
            #expect(invalid.errorDetail == "The selected User ID is invalid.")
        }
    }

    @Test func buildPatch() async throws {
        try await withSim { sim in
            let primary = sim.state { $0.servers[2]!.allocationId }
            let body = #"{"allocation":\#(primary),"limits":{"memory":512,"swap":0,"disk":1000,"io":500,"cpu":50},"feature_limits":{"databases":0,"backups":2}}"#
            let result = try await sim.app(.patch, "/servers/2/build", json: body)
            #expect(result.status == 200)
            #expect(result.attributes["limits"]?["memory"]?.intValue == 512)
            let missing = try await sim.app(.patch, "/servers/2/build", json: #"{"allocation":\#(primary)}"#)
            #expect(missing.status == 422)
            #expect(missing.errors.first?["meta"]?["source_field"]?.stringValue == "memory")
            let other = sim.state { $0.servers[3]!.allocationId }
            let foreign = try await sim.app(.patch, "/servers/2/build", json: body.replacingOccurrences(of: "\"allocation\":\(primary)", with: "\"allocation\":\(other)"))
            // Server.php's `allocation_id` is `unique:servers`: another server's primary is refused by validation.
            #expect(foreign.errorDetail == "The allocation has already been taken.")
            let free = sim.state { state in state.sortedValues(state.allocations).first { $0.serverId == nil }!.id }
            let unassigned = try await sim.app(.patch, "/servers/2/build", json: body.replacingOccurrences(of: "\"allocation\":\(primary)", with: "\"allocation\":\(free)"))
            #expect(unassigned.errorDetail == "The requested default allocation is not currently assigned to this server.")
        }
    }

    @Test func startupPatchRequiresPresentFields() async throws {
        try await withSim { sim in
            let missing = try await sim.app(.patch, "/servers/1/startup", json: #"{"startup":"x"}"#)
            #expect(missing.errors.compactMap { $0["meta"]?["rule"]?.stringValue } == ["present", "required", "required", "present"])
            let egg = sim.state { $0.servers[1]!.eggId }
            let ok = try await sim.app(.patch, "/servers/1/startup", json: #"{"startup":"./run","environment":{},"egg":\#(egg),"image":"img:latest","skip_scripts":false}"#)
            #expect(ok.attributes["container"]?["startup_command"]?.stringValue == "./run")
        }
    }

    @Test func suspendReinstallDelete() async throws {
        var options = SimulatorOptions.testing()
        options.timing.installSeconds = 30
        try await withSim(options) { sim in
            let active = sim.state { $0.sortedValues($0.servers).first { $0.status == nil }!.id }
            let check4 = try await sim.app(.post, "/servers/\(active)/suspend").status == 204
            #expect(check4)
            let check5 = try await sim.app(.get, "/servers/\(active)").attributes["suspended"]?.boolValue == true
            #expect(check5)
            let check6 = try await sim.app(.post, "/servers/\(active)/unsuspend").status == 204
            #expect(check6)
            let check7 = try await sim.app(.post, "/servers/\(active)/reinstall").status == 204
            #expect(check7)
            let check8 = try await sim.app(.get, "/servers/\(active)").attributes["status"]?.stringValue == "installing"
            #expect(check8)
            let check9 = try await sim.app(.post, "/servers/999/suspend").status == 404
            #expect(check9)
            let check10 = try await sim.app(.delete, "/servers/\(active)").status == 204
            #expect(check10)
            let check11 = try await sim.app(.get, "/servers/\(active)").status == 404
            #expect(check11)
            let check12 = try await sim.app(.delete, "/servers/\(active + 1)/force").status == 204
            #expect(check12)
            let check13 = try await sim.app(.delete, "/servers/\(active)/force").status == 404
            #expect(check13)
        }
    }
}
