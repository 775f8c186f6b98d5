import Foundation
import PteroKit
import Testing
@testable import PteroRuntime

/// `.create(...)` on collections, whole-object updates, and the errors a
/// wrong call gets before and from the panel.
struct CreateAndUpdateTests {
    @Test func usersAreCreatedUpdatedAndDeleted() async throws {
        let harness = try await PanelHarness(servers: 2, gate: ActionTests.yes)
        let output = try await harness.run("""
            let u = users.create(email: "ana@example.org", username: "ana", first_name: "Ana", last_name: "Lee")
            print(u, u.first_name)
            let changed = u.update(last_name: "Leigh")
            print(changed.first_name, changed.last_name, changed.email)
            u.delete()
            print(users.get(email: "ana@example.org"))
            """)
        #expect(output.count == 3)
        #expect(output[0].hasPrefix("User#") && output[0].hasSuffix("\"ana\" Ana"))
        #expect(output[1] == "Ana Leigh ana@example.org")
        #expect(output[2] == "null")
        // The PATCH carried every field the panel requires, not only the changed one.
        let patch = try #require(harness.requests.first { $0.method == .patch })
        let body = try #require(try JSONSerialization.jsonObject(with: patch.body?.data ?? Data()) as? [String: Any])
        #expect(Set(body.keys).isSuperset(of: ["email", "username", "first_name", "last_name"]))
        await harness.stop()
    }

    @Test func locationsAllocationsAndDatabasesAreCreated() async throws {
        let harness = try await PanelHarness(servers: 2, gate: ActionTests.yes)
        let output = try await harness.run("""
            print(locations.create(short: "eu.ams", long: "Amsterdam").long)
            let n = nodes.first
            let before = n.allocations.count
            n.allocations.create(ip: "10.9.9.9", ports: ["31000-31004"])
            print(n.allocations.count - before)
            let s = servers.first.build(databases: 10)
            print(type(s.databases.create(database: "ptero_test", remote: "%", host: 1)))
            """)
        #expect(output == ["Amsterdam", "5", "Database"])
        await harness.stop()
    }

    @Test func thePanelsFieldErrorsComeBackNamed() async throws {
        let harness = try await PanelHarness(servers: 2, gate: ActionTests.yes)
        let output = try await harness.run("""
            try { users.create(email: "not-an-email", username: "x") } catch e {
                print(e.status)
                print(e.errors.map(fn(x) => x.field).sort())
            }
            """)
        #expect(output.first == "422")
        #expect(output.last?.contains("\"email\"") == true)
        #expect(output.last?.contains("\"first_name\"") == true)
        await harness.stop()
    }

    @Test func aWrongCallIsRefusedBeforeAnythingIsSent() async throws {
        let harness = try await PanelHarness(servers: 2)
        let output = try await harness.run("""
            let s = servers.first
            try { s.power() } catch e { print(e.message) }
            try { s.power(sginal: "start") } catch e { print(e.message) }
            try { s.power("start", "now") } catch e { print(e.message) }
            try { s.explode() } catch e { print(e.message) }
            """)
        #expect(output.count == 4)
        #expect(output[0] == "server.power() is missing the argument 'signal'")
        #expect(output[1].hasPrefix("server.power() has no argument named 'sginal'; did you mean 'signal'?"))
        #expect(output[2] == "server.power() takes at most 1 argument (signal), got 2")
        #expect(output[3].contains("explode"))
        #expect(!harness.requests.contains { $0.method != .get })
        await harness.stop()
    }

    @Test func startupChangesOneVariableAndKeepsTheOthers() async throws {
        let harness = try await PanelHarness(servers: 2, gate: ActionTests.yes)
        let output = try await harness.run("""
            let s = servers[1]
            let names = s.container.environment.keys().filter(fn(k) => k != "STARTUP" and not k.starts_with("P_SERVER_"))
            let changed = s.startup(image: s.container.image, environment: {SERVER_JARFILE: "custom.jar"})
            print(changed.container.environment.SERVER_JARFILE)
            print(len(names) > 1)
            """)
        #expect(output == ["custom.jar", "true"])
        let patch = try #require(harness.requests.first { $0.method == .patch && $0.path.hasSuffix("/startup") })
        let body = try #require(try JSONSerialization.jsonObject(with: patch.body?.data ?? Data()) as? [String: Any])
        let environment = try #require(body["environment"] as? [String: Any])
        #expect(environment.count > 1)
        #expect(environment["STARTUP"] == nil)
        await harness.stop()
    }
}
