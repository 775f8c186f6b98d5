import Testing
@testable import PteroSim

@Suite struct ApplicationLocationTests {
    @Test func crud() async throws {
        try await withSim { sim in
            let list = try await sim.app(.get, "/locations?include=nodes&filter[short]=us")
            #expect(list.data.allSatisfy { $0["attributes"]?["short"]?.stringValue?.contains("us") == true })
            let created = try await sim.app(.post, "/locations", json: #"{"short":"nl.ams","long":"Amsterdam"}"#)
            #expect(created.status == 201)
            let id = created.attributes["id"]!.intValue!
            let check1 = try await sim.app(.get, "/locations/\(id)").attributes["long"]?.stringValue == "Amsterdam"
            #expect(check1)
            let patch = try await sim.app(.patch, "/locations/\(id)", json: #"{"long":"Only long"}"#)
            #expect(patch.status == 422)
            #expect(patch.errorDetail == "The Location Identifier field is required.")
            let check2 = try await sim.app(.patch, "/locations/\(id)", json: #"{"short":"nl.ams2"}"#).attributes["short"]?.stringValue == "nl.ams2"
            #expect(check2)
            let check3 = try await sim.app(.delete, "/locations/\(id)").status == 204
            #expect(check3)
            let busy = try await sim.app(.delete, "/locations/1")
            #expect(busy.errorCode == "HasActiveNodesException")
            #expect(busy.errorDetail == "Cannot delete a location that has active nodes attached to it.")
            let check4 = try await sim.app(.get, "/locations/999").status == 404
            #expect(check4)
        }
    }

    @Test func duplicateAndLengthRules() async throws {
        try await withSim { sim in
            let duplicate = try await sim.app(.post, "/locations", json: #"{"short":"us.nyc"}"#)
            #expect(duplicate.errorDetail == "The Location Identifier has already been taken.")
            let long = try await sim.app(.post, "/locations", json: "{\"short\":\"\(String(repeating: "x", count: 61))\"}")
            #expect(long.errorDetail == "The Location Identifier must be between 1 and 60 characters.")
            #expect(long.firstError["meta"]?["rule"]?.stringValue == "between")
        }
    }
}
