import Foundation
import PteroKit
import Testing

/// Users and locations on the application API, decoded into the models.
struct ApplicationUserAndLocationEndpointTests {
    @Test func usersCanBeListedFoundCreatedReplacedAndDeleted() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let users = try await client.listUsers(ListQuery(include: ["servers"], sort: ["-id"], perPage: 7)).collect()
            #expect(users.count == 20)
            #expect(users.map(\.id) == Array((1...20).reversed()))
            #expect(users.allSatisfy { $0.relationships?.servers?.items != nil })
            let owner = try #require(users.first { ($0.relationships?.servers?.items?.count ?? 0) > 0 })
            #expect(owner.relationships?.servers?.items?.allSatisfy { $0.user == owner.id } == true)

            let admin = try await client.user(id: 1)
            #expect(admin.username == "admin" && admin.rootAdmin && admin.email == "admin@example.com")
            #expect(PanelTimestamp.date(from: admin.createdAt) == Date(timeIntervalSince1970: 1_704_067_200))
            let external = try #require(users.first { $0.externalId != nil })
            #expect(try await client.user(externalId: external.externalId!).id == external.id)

            let created = try await client.createUser(UserDetails(email: "new@example.com", username: "NewPerson",
                                                                  firstName: "New", lastName: "Person", externalId: "crm-7"))
            #expect(created.username == "newperson" && created.externalId == "crm-7" && !created.rootAdmin)
            let replaced = try await client.replaceUser(id: created.id, with: UserDetails(
                email: "renamed@example.com", username: "newperson", firstName: "Re", lastName: "Named"))
            #expect(replaced.email == "renamed@example.com" && replaced.firstName == "Re")
            try await client.deleteUser(id: created.id)
            await #expect(throws: PanelError.self) { try await client.user(id: created.id) }
        }
    }

    @Test func locationsCanBeListedCreatedReplacedAndDeleted() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let locations = try await client.listLocations(ListQuery(include: ["nodes", "servers"])).collect()
            #expect(!locations.isEmpty)
            let withNodes = try #require(locations.first { ($0.relationships?.nodes?.items?.count ?? 0) > 0 })
            #expect(withNodes.relationships?.nodes?.items?.allSatisfy { $0.locationId == withNodes.id } == true)
            #expect(try await client.location(id: withNodes.id).short == withNodes.short)

            let created = try await client.createLocation(LocationDetails(short: "test.1", long: "Test location"))
            #expect(created.short == "test.1" && created.long == "Test location")
            let replaced = try await client.replaceLocation(id: created.id, with: LocationDetails(short: "test.2"))
            #expect(replaced.short == "test.2")
            try await client.deleteLocation(id: created.id)
            let remaining = try await client.listLocations().collect()
            #expect(!remaining.contains { $0.id == created.id })
        }
    }
}
