import Foundation
import PteroKit
import Testing
@testable import PteroRuntime

/// What the language offers follows the panel a session talks to: what
/// Pterodactyl 0.7 has not got fails at its line in one sentence, before
/// any request, and what only 0.7 has is refused on 1.x the same way.
/// The sim speaks 1.x, so each refusal here is also seen to send nothing.
struct DialectTests {
    static let yes: WriteGate.Settings = {
        var settings = WriteGate.Settings()
        settings.assumeYes = true
        return settings
    }()

    @Test func whatZeroSevenLacksIsOneSentenceAndNoRequest() async throws {
        let harness = try await PanelHarness(servers: 2, gate: Self.yes, dialect: .pterodactyl07)
        let s = try await harness.run("let s = servers.first\nprint(s.name)")
        #expect(s.count == 1)
        harness.forgetRequests()
        let output = try await harness.run("""
            let s = servers.first
            try { s.backups.count } catch e { print(e.message) }
            try { s.files } catch e { print(e.message) }
            try { s.startup } catch e { print(e.message) }
            try { account.username } catch e { print(e.message) }
            try { client.permissions } catch e { print(e.message) }
            try { print(s.build) } catch e { print(e.message) }
            """)
        #expect(output == [
            "backups are not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have them",
            "a server's files are not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have them",
            "a server's startup is not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have it",
            "account is not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have it",
            "client.permissions are not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have them",
        ] + ["<method server.build>"], "\(output)")
        // One read: the server list; no request for anything refused.
        #expect(harness.requests.map(\.path) == ["/api/application/servers"], "\(harness.requests.map(\.summary))")
        await harness.stop()
    }

    @Test func zeroSevenSendsNoFilterAndChecksEveryItemHere() async throws {
        let harness = try await PanelHarness(servers: 5, dialect: .pterodactyl07)
        let name = try #require(try await harness.run("print(servers[3].name)").first)
        harness.forgetRequests()
        let output = try await harness.run("print((servers where name == \(name.debugDescription)).count)")
        #expect(output == ["1"])
        let listing = harness.requests.filter { $0.path == "/api/application/servers" }
        #expect(!listing.isEmpty)
        #expect(listing.allSatisfy { request in !request.query.contains { $0.name.hasPrefix("filter[") } }, "\(listing.map(\.summary))")
        await harness.stop()
    }

    @Test func theSameQueryOnOneXPushesTheFilter() async throws {
        let harness = try await PanelHarness(servers: 5)
        let name = try #require(try await harness.run("print(servers[3].name)").first)
        harness.forgetRequests()
        _ = try await harness.run("print((servers where name == \(name.debugDescription)).count)")
        #expect(harness.requests.contains { request in request.query.contains { $0.name == "filter[name]" } },
                "\(harness.requests.map(\.summary))")
        await harness.stop()
    }

    @Test func zeroSevensResourcesAreItsUtilizationRoute() async throws {
        let harness = try await PanelHarness(servers: 2, dialect: .pterodactyl07)
        harness.forgetRequests()
        // The sim speaks 1.x, which has no utilization route: the 404 shows the route 0.7 asks.
        let output = try await harness.run("let s = servers.first\ntry { s.resources } catch e { print(e.status) }")
        #expect(output == ["404"], "\(output)")
        #expect(harness.requests.contains { $0.path.hasSuffix("/utilization") && $0.api == .client }, "\(harness.requests.map(\.summary))")
        await harness.stop()
    }

    @Test func whatOnlyZeroSevenHasIsRefusedOnOneX() async throws {
        let harness = try await PanelHarness(servers: 2, gate: Self.yes)
        harness.forgetRequests()
        let output = try await harness.run("try { servers.first.rebuild() } catch e { print(e.message) }")
        #expect(output == ["server.rebuild() is not in Pterodactyl 1.x's API; Pterodactyl 0.7 has it"], "\(output)")
        #expect(!harness.requests.contains { $0.method == .post }, "\(harness.requests.map(\.summary))")
        await harness.stop()
    }

    @Test func zeroSevensAllServersAskFilterAll() async throws {
        let source = try #require(CollectionSource.clientAllServers(in: .pterodactyl07))
        #expect(source.path == "/api/client")
        #expect(source.fixedQuery == ["filter": "all"])
        #expect(source.filters.isEmpty)
        #expect(source.filterName(forField: "identifier") == nil)
        #expect(CollectionSource.clientAllServers(in: .pterodactyl1)?.fixedQuery == ["type": "admin-all"])
        #expect(CollectionSource.clientAllServers(in: .pterodactyl1)?.filterName(forField: "identifier") == "*")
    }

    @Test func eachDialectsGlobalsAreWhatItsTableOffers() {
        #expect(CollectionSource.globals(in: .pterodactyl1).map(\.name) == ["servers", "nodes", "users", "locations", "nests", "eggs"])
        #expect(CollectionSource.globals(in: .pterodactyl07).map(\.name) == ["servers", "nodes", "users", "locations", "nests", "eggs"])
        #expect(CollectionSource.globals(in: .pelican).map(\.name) == ["servers", "nodes", "users", "eggs", "roles", "mounts", "database_hosts"])
        let pelicanEggs = CollectionSource.globals(in: .pelican).first { $0.name == "eggs" }
        #expect(pelicanEggs?.path == "/api/application/eggs" && pelicanEggs?.across.isEmpty == true)
        #expect(CollectionSource.globals(in: .pelican).first?.filterName(forField: "identifier") == "uuid_short")
        #expect(CollectionSource.globals(in: .pterodactyl1).first?.filterName(forField: "identifier") == "uuidShort")
    }

    @Test func whatPelicanLacksAndWhatOnlyItHas() async throws {
        var dry = WriteGate.Settings()
        dry.dryRun = true
        dry.assumeYes = true
        let pelican = try await PanelHarness(servers: 2, gate: dry, dialect: .pelican)
        pelican.forgetRequests()
        let output = try await pelican.run("""
            try { locations.count } catch e { print(e.message) }
            try { nests.first } catch e { print(e.message) }
            servers[1].transfer(node: 2, allocation: 7)
            try { servers[1].transfer(node: 2.5, allocation: 7) } catch e { print(e.message) }
            try { servers[1].transfer(node: 2) } catch e { print(e.message) }
            print(help(servers[1].transfer))
            """)
        #expect(output.prefix(2) == [
            "locations are not in Pelican's API; Pterodactyl 0.7 and Pterodactyl 1.x have them",
            "nests are not in Pelican's API; Pterodactyl 0.7 and Pterodactyl 1.x have them",
        ], "\(output)")
        #expect(output.contains { $0.contains("node_id") && $0.contains("2.5") && $0.contains("whole number") }, "\(output)")
        #expect(output.contains("server.transfer() is missing the argument 'allocation'"), "\(output)")
        #expect(output.contains("transfer(node:, allocation:, additional:)"), "\(output)")
        #expect(output.contains("  POST /api/application/servers/{server}/transfer"), "\(output)")
        let planned = pelican.gateLines.withLock { $0 }
        #expect(planned.count == 1, "\(planned)")
        #expect(planned.contains { $0.contains("POST /api/application/servers/1/transfer") && $0.contains(#""node_id":2"#)
                                   && $0.contains(#""allocation_id":7"#) }, "\(planned)")
        #expect(!pelican.requests.contains { $0.method == .post }, "\(pelican.requests.map(\.summary))")
        await pelican.stop()

        let pterodactyl = try await PanelHarness(servers: 2, gate: dry)
        let refused = try await pterodactyl.run("""
            try { roles.count } catch e { print(e.message) }
            try { servers[1].transfer(node: 2, allocation: 7) } catch e { print(e.message) }
            """)
        #expect(refused == [
            "roles are not in Pterodactyl 1.x's API; Pelican has them",
            "server.transfer() is not in Pterodactyl 1.x's API; Pelican has it",
        ], "\(refused)")
        await pterodactyl.stop()
    }

    /// The runtime's Pelican rows against the simulated Pelican, for real: its own
    /// collections, a role given to a user, a transfer started and cancelled.
    @Test func pelicansOwnResourcesAgainstItsSim() async throws {
        let pelican = try await PanelHarness(servers: 3, gate: Self.yes, dialect: .pelican)
        let output = try await pelican.run("""
            print(roles.first.name)
            let r = roles.create(name: "Support")
            print(r.name)
            let u = (users where root_admin == false).first
            u.assign_roles(roles: [r.id])
            print(mounts.first.name)
            print(database_hosts.count > 0)
            print((eggs where name == "Paper").count)
            let s = servers[1]
            let target = (nodes where id != s.node).first
            let free = (target.allocations where assigned == false).first
            s.transfer(node: target.id, allocation: free.id)
            s.cancel_transfer()
            try { s.cancel_transfer() } catch e { print(e.status) }
            """)
        #expect(output == ["Root Admin", "Support", "shared-maps", "true", "1", "406"], "\(output)")
        let posted = pelican.requests.filter { $0.method != .get }.map { "\($0.method.rawValue) \($0.path)" }
        #expect(posted.contains { $0.hasPrefix("PATCH /api/application/users/") && $0.hasSuffix("/roles/assign") }, "\(posted)")
        #expect(posted.filter { $0.hasSuffix("/transfer/cancel") }.count == 2, "\(posted)")
        await pelican.stop()
    }

    /// Writes whose bodies the Pelican rows shape (no names, cpu and tags, oom_killer),
    /// accepted by the simulated Pelican.
    @Test func pelicansRowsWriteWhatItsRequestsTake() async throws {
        let pelican = try await PanelHarness(servers: 3, gate: Self.yes, dialect: .pelican)
        let output = try await pelican.run("""
            let u = users.create(email: "new@example.com", username: "newbie")
            print(u.username)
            u.update(email: "newer@example.com")
            print(users[u.id].email)
            let n = nodes.first
            n.update(name: "renamed-node")
            print(nodes[n.id].name)
            let s = servers[1]
            s.build(memory: 2048)
            print(servers[1].limits.memory)
            s.update(description: "described")
            print(servers[1].description)
            """)
        #expect(output == ["newbie", "newer@example.com", "renamed-node", "2048", "described"], "\(output)")
        await pelican.stop()
    }

    /// Pelican's client additions through the runtime, against the simulated Pelican.
    @Test func pelicansClientAdditionsAgainstItsSim() async throws {
        let pelican = try await PanelHarness(servers: 3, gate: Self.yes, dialect: .pelican)
        let output = try await pelican.run("""
            print(account.username)
            print(account.root_admin)
            print("mount.read" in client.permissions.attributes.permissions)
            let s = client.all_servers.first
            s.describe(description: "from the client")
            print(client.all_servers.first.description)
            """)
        #expect(output == ["admin", "true", "true", "from the client"], "\(output)")
        // The account offers the fields Pelican's answer has: no id, no names.
        let members = try await pelican.run("help(account)")
        #expect(members.first?.contains("root_admin") == true, "\(members)")
        #expect(members.first.map { !$0.contains("first_name") && !$0.contains(" id,") } == true, "\(members)")
        await pelican.stop()
    }
}
