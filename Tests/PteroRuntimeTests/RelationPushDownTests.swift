import Foundation
import PteroKit
import PteroLang
import Testing
@testable import PteroRuntime

/// `servers where node == 3` (and `user ==`, `egg == ... and nest == ...`)
/// read through the parent's `?include=servers`: one request, not every
/// page, with every item still checked here. Counted at the sim.
struct RelationPushDownTests {
    /// The requests sent, as `path?query` lines.
    static func lines(_ harness: PanelHarness) -> [String] {
        harness.requests.map { request in
            request.path + (request.query.isEmpty ? "" : "?" + request.query.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&"))
        }
    }

    @Test func nodeEqualityIsOneRequestAndGivesWhatTheFullScanGives() async throws {
        let harness = try await PanelHarness(servers: 250)
        let scanned = try await harness.run("print(servers.list.filter(fn(s) => s.node == 2).map(fn(s) => json(s)))")
        #expect(harness.requests.count == 3)
        harness.forgetRequests()
        let pushed = try await harness.run("print((servers where node == 2).list.map(fn(s) => json(s)))")
        #expect(pushed == scanned)
        #expect(scanned.first.map { $0.count > 100 } == true)
        #expect(Self.lines(harness) == ["/api/application/nodes/2?include=servers"])
        await harness.stop()
    }

    /// Pelican's eggs are top-level (no nests): an egg alone is pushed down
    /// through `eggs/{egg}?include=servers`, and `s.egg_ref` reads that row.
    @Test func onPelicanAnEggAloneIsPushedDownAndEggRefReadsTheTopLevelEgg() async throws {
        let harness = try await PanelHarness(servers: 250, dialect: .pelican)
        let scanned = try await harness.run("print(servers.list.filter(fn(s) => s.egg == 1).map(fn(s) => s.id))")
        harness.forgetRequests()
        let pushed = try await harness.run("print((servers where egg == 1).list.map(fn(s) => s.id))")
        #expect(pushed == scanned)
        #expect(Self.lines(harness) == ["/api/application/eggs/1?include=servers"])
        harness.forgetRequests()
        let egg = try await harness.run("print(servers[1].egg_ref.id == servers[1].egg)")
        #expect(egg == ["true"])
        #expect(Self.lines(harness).contains { $0.hasPrefix("/api/application/eggs/") }, "\(Self.lines(harness))")
        #expect(!Self.lines(harness).contains { $0.contains("/nests/") })
        let absent = try await harness.run("try { print(servers[1].nest_ref) } catch e { print(e.message) }")
        #expect(absent == ["a server's nest_ref is not in Pelican's API; Pterodactyl 0.7 and Pterodactyl 1.x have it"])
        await harness.stop()
    }

    @Test func otherConditionsAreCheckedOnTheIncludedServers() async throws {
        let harness = try await PanelHarness(servers: 250)
        let scanned = try await harness.run("""
            let all = servers.list
            let mine = all.filter(fn(s) => s.node == 2 and not s.suspended and s.limits.memory >= 1024)
            print(len(mine), mine[0].id, mine[1].id, len(all.filter(fn(s) => s.node == 2)))
            """)
        harness.forgetRequests()
        let pushed = try await harness.run("""
            let q = servers where node == 2 and not suspended and limits.memory >= 1024
            let n = 2
            fn on(node_id) { return (servers where it.node == node_id).count }
            print(q.count, q.first.id, q.take(2)[1].id, on(n))
            """)
        #expect(pushed == scanned)
        // count, first, take and the function's count: one request each.
        #expect(Self.lines(harness) == Array(repeating: "/api/application/nodes/2?include=servers", count: 4))
        await harness.stop()
    }

    @Test func aBareNameThatIsAFieldIsNotTakenForTheVariableOfThatName() async throws {
        let harness = try await PanelHarness(servers: 150)
        let output = try await harness.run("""
            let user = 2
            print((servers where node == user).count == len(servers.list.filter(fn(s) => s.node == s.user)))
            """)
        #expect(output == ["true"])
        #expect(!Self.lines(harness).contains { $0.contains("include=") }, "\(Self.lines(harness))")
        await harness.stop()
    }

    /// A query is lazy, and so is its variable: the node asked for is the
    /// one the variable holds when the query is read, as the local check reads it.
    @Test func aQueryReadAfterItsVariableChangedAsksForTheNodeItNowHolds() async throws {
        let harness = try await PanelHarness(servers: 150)
        let expected = try await harness.run("print(len(servers.list.filter(fn(s) => s.node == 3)))")
        harness.forgetRequests()
        let output = try await harness.run("""
            let n = 2
            let q = servers where node == n
            n = 3
            print(q.count)
            """)
        #expect(output == expected)
        #expect(Self.lines(harness) == ["/api/application/nodes/3?include=servers"])
        await harness.stop()
    }

    @Test func aNodeThatDoesNotExistHasNoServers() async throws {
        let harness = try await PanelHarness(servers: 250)
        let output = try await harness.run("""
            let q = servers where node == 999
            print(q.count, q.first, q.list, q.take(3))
            """)
        #expect(output == ["0 null [] []"])
        #expect(Self.lines(harness) == Array(repeating: "/api/application/nodes/999?include=servers", count: 4))
        await harness.stop()
    }

    @Test func theLoopFormPushesDownAsTheQueryDoes() async throws {
        let harness = try await PanelHarness(servers: 250)
        let names = try await harness.run("print(servers[5].name, (servers where node == 3).count)")
        let name = try #require(names.first?.split(separator: " ").first.map(String.init))
        harness.forgetRequests()
        let output = try await harness.run("""
            let ids = []
            for s in servers where node == 3 and not suspended { ids.push(s.id) }
            for s in servers where s.node == 3 { ids.push(s.id) }
            let wanted = "\(name)"
            for s in servers where s.name == wanted { ids.push(s.id) }
            parallel for s in servers where it.node == 3 { ids.push(s.id) }
            print(len(ids) > 0, ids.filter(fn(id) => id == 5))
            """)
        #expect(output.count == 1 && output[0].hasPrefix("true"))
        #expect(Self.lines(harness) == [
            "/api/application/nodes/3?include=servers", "/api/application/nodes/3?include=servers",
            "/api/application/servers?page=1&per_page=100&filter[name]=\(name)",
            "/api/application/nodes/3?include=servers",
        ], "\(Self.lines(harness))")
        await harness.stop()
    }

    /// Before, only a bare field was sent: `s.name` in the loop's own
    /// spelling read every page.
    @Test func aLoopThatNamesItsElementSendsTheFilter() async throws {
        let harness = try await PanelHarness(servers: 250)
        let names = try await harness.run("print(servers[9].name)")
        let name = try #require(names.first)
        harness.forgetRequests()
        let output = try await harness.run("""
            for s in servers where s.name == "\(name)" { print(s.id) }
            for s in servers where it.name == "\(name)" and not it.suspended or false { print(s.id) }
            """)
        #expect(output.first == "9")
        #expect(Self.lines(harness).first == "/api/application/servers?page=1&per_page=100&filter[name]=\(name)")
        #expect(Self.lines(harness).count == 4, "\(Self.lines(harness))")
        await harness.stop()
    }

    @Test func ownersAndEggsWithTheirNestArePushedDownAndAnEggAloneIsNot() async throws {
        let harness = try await PanelHarness(servers: 250)
        let facts = try await harness.run("""
            let s = servers[7]
            let all = servers.list
            print(s.user, s.egg, s.nest)
            print(all.filter(fn(x) => x.user == s.user).map(fn(x) => x.id))
            print(all.filter(fn(x) => x.egg == s.egg).map(fn(x) => x.id))
            """)
        let ids = try #require(facts.first).split(separator: " ").map(String.init)
        harness.forgetRequests()
        let output = try await harness.run("""
            print((servers where user == \(ids[0])).list.map(fn(x) => x.id))
            print((servers where egg == \(ids[1]) and nest == \(ids[2])).list.map(fn(x) => x.id))
            print((servers where egg == \(ids[1])).list.map(fn(x) => x.id))
            """)
        #expect(output == [facts[1], facts[2], facts[2]])
        #expect(Self.lines(harness) == [
            "/api/application/users/\(ids[0])?include=servers",
            "/api/application/nests/\(ids[2])/eggs/\(ids[1])?include=servers",
            "/api/application/servers?page=1&per_page=100", "/api/application/servers?page=2&per_page=100",
            "/api/application/servers?page=3&per_page=100",
        ], "\(Self.lines(harness))")
        await harness.stop()
    }

    @Test func nodesOfALocationAreTheLocationsInclude() async throws {
        let harness = try await PanelHarness(servers: 10)
        let expected = try await harness.run("print(nodes.list.filter(fn(n) => n.location_id == 1).map(fn(n) => json(n)))")
        harness.forgetRequests()
        let output = try await harness.run("print((nodes where location_id == 1).list.map(fn(n) => json(n)))")
        #expect(output == expected)
        #expect(expected.first.map { $0 != "[]" } == true)
        #expect(Self.lines(harness) == ["/api/application/locations/1?include=nodes"])
        await harness.stop()
    }

    @Test func nothingIsPushedDownThroughOrOrNot() async throws {
        let harness = try await PanelHarness(servers: 150)
        let output = try await harness.run("""
            let all = servers.list
            print((servers where node == 2 or node == 3).count == len(all.filter(fn(s) => s.node == 2 or s.node == 3)))
            print((servers where not (node == 2)).count == len(all.filter(fn(s) => s.node != 2)))
            """)
        #expect(output == ["true", "true"])
        #expect(Self.lines(harness).allSatisfy { $0.hasPrefix("/api/application/servers?page=") }, "\(Self.lines(harness))")
        await harness.stop()
    }

    @Test func aBulkJobOnTheQueryReadsTheNodeOnce() async throws {
        let harness = try await PanelHarness(servers: 250, gate: ActionTests.yes)
        let expected = try await harness.run("print(len(servers.list.filter(fn(s) => s.node == 2 and s.suspended)))")
        harness.forgetRequests()
        let output = try await harness.run("print(len((servers where node == 2 and suspended).unsuspend().ok))")
        #expect(output == expected)
        let reads = Self.lines(harness).filter { !$0.hasSuffix("/unsuspend") }
        #expect(reads == ["/api/application/nodes/2?include=servers"], "\(Self.lines(harness))")
        await harness.stop()
    }

    @Test func aPanelThatWillNotIncludeServersIsListedInstead() async throws {
        let harness = try await PanelHarness(servers: 150)
        let expected = try await harness.run("print(len(servers.list.filter(fn(s) => s.node == 2)))")
        harness.transport.override.withLock {
            $0 = { request in
                guard request.path == "/api/application/nodes/2" else { return nil }
                let body = #"{"object":"node","attributes":{"id":2,"name":"n","relationships":{"servers":{"object":"null_resource","attributes":null}}}}"#
                return PanelResponse(status: 200, body: Data(body.utf8))
            }
        }
        harness.forgetRequests()
        let output = try await harness.run("print((servers where node == 2).count)")
        #expect(output == expected)
        #expect(Self.lines(harness) == ["/api/application/nodes/2?include=servers",
                                        "/api/application/servers?page=1&per_page=100", "/api/application/servers?page=2&per_page=100"])
        await harness.stop()
    }

    @Test func anIncludeOfTheWrongShapeIsAnErrorNamingTheEndpoint() async throws {
        let harness = try await PanelHarness(servers: 30)
        harness.transport.override.withLock {
            $0 = { request in
                guard request.path == "/api/application/nodes/2" else { return nil }
                let body = #"{"object":"node","attributes":{"id":2,"relationships":{"servers":{"object":"list","data":[{"object":"user","attributes":{}}]}}}}"#
                return PanelResponse(status: 200, body: Data(body.utf8))
            }
        }
        let output = try await harness.run("try { print((servers where node == 2).count) } catch e { print(e.message) }")
        #expect(output == ["GET /api/application/nodes/2?include=servers answered a list holding one user where a list of servers was expected"])
        await harness.stop()
    }
}
