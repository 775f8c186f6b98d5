import Testing
@testable import PteroSim

@Suite struct ApplicationUserTests {
    static let newUser = #"{"email":"new.person@example.com","username":"New.Person","first_name":"New","last_name":"Person"}"#

    @Test func listIsPaginatedWithExactMetaOrder() async throws {
        try await withSim { sim in
            let result = try await sim.app(.get, "/users?per_page=5&page=2")
            #expect(result.status == 200)
            #expect(result.data.count == 5)
            let pagination = result.json["meta"]?["pagination"]
            #expect(keys(pagination) == ["total", "count", "per_page", "current_page", "total_pages", "links"])
            #expect(pagination?["total"]?.intValue == 20)
            #expect(pagination?["total_pages"]?.intValue == 4)
            #expect(keys(pagination?["links"]) == ["previous", "next"])
            #expect(pagination?["links"]?["next"]?.stringValue?.hasSuffix("/api/application/users?page=3") == true)
        }
    }

    @Test func lastPageHasEmptyLinksObjectAndPastEndIsEmpty() async throws {
        try await withSim { sim in
            let all = try await sim.app(.get, "/users")
            #expect(all.text.contains(#""links":{}"#))
            let past = try await sim.app(.get, "/users?page=9")
            #expect(past.data.isEmpty)
            #expect(past.json["meta"]?["pagination"]?["count"]?.intValue == 0)
            #expect(keys(past.json["meta"]?["pagination"]?["links"]) == ["previous"])
        }
    }

    @Test func filtersAndSorts() async throws {
        try await withSim { sim in
            let admin = try await sim.app(.get, "/users?filter[username]=ADMI")
            #expect(admin.data.count == 1)
            #expect(admin.data.first?["attributes"]?["username"]?.stringValue == "admin")
            let sorted = try await sim.app(.get, "/users?sort=-id&per_page=2")
            #expect(sorted.data.first?["attributes"]?["id"]?.intValue == 20)
        }
    }

    @Test func unknownFilterAndSortAre400() async throws {
        try await withSim { sim in
            let filter = try await sim.app(.get, "/users?filter[password]=x")
            #expect(filter.status == 400)
            #expect(filter.errorCode == "InvalidFilterQuery")
            #expect(filter.errorDetail == "Requested filter(s) `password` are not allowed. Allowed filter(s) are `email, uuid, username, external_id`.")
            let sort = try await sim.app(.get, "/users?sort=email")
            #expect(sort.status == 400)
            #expect(sort.errorDetail == "Requested sort(s) `email` is not allowed. Allowed sort(s) are `id, uuid`.")
        }
    }

    @Test func viewIncludesServersAndUnknownIncludeIsIgnored() async throws {
        try await withSim { sim in
            let ownerId = sim.state { $0.servers[1]!.ownerId }
            let result = try await sim.app(.get, "/users/\(ownerId)?include=servers,bogus")
            #expect(result.status == 200)
            let servers = result.attributes["relationships"]?["servers"]
            #expect(servers?["object"]?.stringValue == "list")
            #expect(servers?["data"]?.arrayValue?.isEmpty == false)
            #expect(keys(result.attributes["relationships"]) == ["servers"])
            let plain = try await sim.app(.get, "/users/\(ownerId)")
            #expect(plain.attributes["relationships"] == nil)
            #expect(plain.attributes["created_at"]?.stringValue?.hasSuffix("+00:00") == true)
        }
    }

    @Test func viewMissingAndExternal() async throws {
        try await withSim { sim in
            let missing = try await sim.app(.get, "/users/999")
            #expect(missing.status == 404)
            #expect(missing.errorCode == "NotFoundHttpException")
            #expect(missing.errorDetail == "The requested resource could not be found on the server.")
            #expect(missing.firstError["status"]?.stringValue == "404")
            let external = try await sim.app(.get, "/users/external/billing-1004")
            #expect(external.attributes["id"]?.intValue == 4)
            let noExternal = try await sim.app(.get, "/users/external/nope")
            #expect(noExternal.status == 404)
        }
    }

    @Test func createReturns201WithResourceMeta() async throws {
        try await withSim { sim in
            let result = try await sim.app(.post, "/users", json: Self.newUser)
            #expect(result.status == 201)
            #expect(result.attributes["username"]?.stringValue == "new.person")
            #expect(result.json["meta"]?["resource"]?.stringValue?.hasSuffix("/api/application/users/21") == true)
        }
    }

    @Test func createValidationGivesOneEntryPerFailedRule() async throws {
        try await withSim { sim in
            let result = try await sim.app(.post, "/users", json: #"{"email":"not-an-email","username":"a","first_name":"  "}"#)
            #expect(result.status == 422)
            let details = result.errors.compactMap { $0["detail"]?.stringValue }
            #expect(details == [
                "The email must be a valid email address.",
                "The username must start and end with alpha-numeric characters and contain only letters, numbers, dashes, underscores, and periods.",
                "The first name field is required.",
                "The last name field is required.",
            ])
            #expect(result.errors.first?["meta"]?["source_field"]?.stringValue == "email")
            #expect(result.errors.first?["meta"]?["rule"]?.stringValue == "email")
            #expect(result.errors[1]["meta"]?["rule"]?.stringValue == "p_username")
            #expect(result.errors.first?["code"]?.stringValue == "ValidationException")
        }
    }

    @Test func createDuplicateEmailIsUnique() async throws {
        try await withSim { sim in
            let result = try await sim.app(.post, "/users", json: #"{"email":"admin@example.com","username":"other","first_name":"A","last_name":"B"}"#)
            #expect(result.status == 422)
            #expect(result.errorDetail == "The email has already been taken.")
            #expect(result.firstError["meta"]?["rule"]?.stringValue == "unique")
        }
    }

    @Test func patchIsNotPartial() async throws {
        try await withSim { sim in
            let partial = try await sim.app(.patch, "/users/3", json: #"{"first_name":"Only"}"#)
            #expect(partial.status == 422)
            #expect(partial.errors.compactMap { $0["meta"]?["source_field"]?.stringValue } == ["email", "username", "last_name"])
            let full = try await sim.app(.patch, "/users/3", json: #"{"email":"changed@example.com","username":"changed","first_name":"C","last_name":"D"}"#)
            #expect(full.status == 200)
            #expect(full.attributes["email"]?.stringValue == "changed@example.com")
        }
    }

    @Test func deleteRefusesOwnersAndDeletesOthers() async throws {
        try await withSim { sim in
            let ownerId = sim.state { $0.servers[1]!.ownerId }
            let refused = try await sim.app(.delete, "/users/\(ownerId)")
            #expect(refused.status == 400)
            #expect(refused.errorCode == "DisplayException")
            #expect(refused.errorDetail == "Cannot delete a user with active servers attached to their account. Please delete their servers before continuing.")
            let created = try await sim.app(.post, "/users", json: Self.newUser)
            let id = created.attributes["id"]!.intValue!
            let deleted = try await sim.app(.delete, "/users/\(id)")
            #expect(deleted.status == 204)
            #expect(deleted.text.isEmpty)
            let check1 = try await sim.app(.get, "/users/\(id)").status == 404
            #expect(check1)
        }
    }
}
