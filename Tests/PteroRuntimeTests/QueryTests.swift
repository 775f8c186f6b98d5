import Foundation
import PteroKit
import PteroLang
import Testing
@testable import PteroRuntime

/// Collections and `where` queries against the simulated panel.
struct QueryTests {
    @Test func countsIteratesAndIndexesServers() async throws {
        let harness = try await PanelHarness(servers: 250)
        let output = try await harness.run("""
            print(servers.count)
            let seen = []
            for s in servers { seen.push(s.id) }
            print(len(seen), seen[0], seen[249])
            print(servers[3], type(servers[3]))
            """)
        #expect(output.count == 3)
        #expect(output[0] == "250")
        #expect(output[1] == "250 1 250")
        #expect(output[2].hasPrefix("Server#3 \"") && output[2].hasSuffix(" Server"))
        await harness.stop()
    }

    @Test func firstAndTakeStopPagingEarly() async throws {
        let harness = try await PanelHarness(servers: 250)
        let first = try await harness.run("print(servers.first.id)")
        #expect(first == ["1"])
        #expect(harness.requests.count == 1)
        harness.forgetRequests()
        let taken = try await harness.run("print(len(servers.take(150)))")
        #expect(taken == ["150"])
        #expect(harness.requests.count == 2)
        await harness.stop()
    }

    @Test func afterTheSecondPageTheNextPagesAreFetchedAheadInOrder() async throws {
        let harness = try await PanelHarness(servers: 640, latencyMilliseconds: 40)
        let output = try await harness.run("""
            let ids = []
            for s in servers { ids.push(s.id) }
            let ordered = true
            for i, id in ids { if id != i + 1 { ordered = false } }
            print(len(ids), ordered, len(servers.take(150)))
            """)
        #expect(output == ["640 true 150"])
        let pages = harness.requests.filter { $0.path == "/api/application/servers" }
        // 7 pages for the loop, none twice; 2 for take(150), none ahead of it.
        #expect(pages.count == 9, "\(pages.map(\.query))")
        #expect(harness.mostInFlight > 1)
        await harness.stop()
    }

    @Test func equalityOnAFilterableFieldIsPushedDownAndRecheckedLocally() async throws {
        let harness = try await PanelHarness()
        let names = try await harness.run("print(servers[5].name)")
        let name = try #require(names.first)
        harness.forgetRequests()
        let output = try await harness.run("""
            let found = (servers where name == "\(name)" and not suspended or name == "\(name)").list
            let exact = (servers where name == "\(name)").list
            print(len(exact), exact[0].id)
            """)
        #expect(output == ["1 5"])
        let query = harness.requests.last?.query ?? []
        #expect(query.contains(URLQueryItem(name: "filter[name]", value: name)), "\(query)")
        await harness.stop()
    }

    @Test func aServersIdentifierIsPushedDownUnderEachAPIsFilterName() async throws {
        let harness = try await PanelHarness(servers: 30, gate: ActionTests.yes)
        let identifiers = try await harness.run("""
            let s = servers[7]
            s.update(user: account.id)
            print(s.identifier)
            """)
        let identifier = try #require(identifiers.first)
        harness.forgetRequests()
        let output = try await harness.run("""
            print((servers where identifier == "\(identifier)").list.map(fn(s) => s.id))
            print(servers.get(identifier: "\(identifier)").id, client.servers.get(identifier: "\(identifier)").internal_id)
            print(len(client.servers where identifier == "\(identifier)"))
            """)
        #expect(output == ["[7]", "7 7", "1"])
        let filters = harness.requests.flatMap { request in request.query.filter { $0.name.hasPrefix("filter[") }.map { "\(request.path) \($0.name)=\($0.value ?? "")" } }
        #expect(filters.filter { $0 == "/api/application/servers filter[uuidShort]=\(identifier)" }.count == 2, "\(filters)")
        #expect(filters.filter { $0 == "/api/client filter[*]=\(identifier)" }.count == 2, "\(filters)")
        // One page each: the panel sent only the matching server.
        #expect(harness.requests.count == 4, "\(harness.requests.map(\.path))")
        await harness.stop()
    }

    @Test func conditionsOnOtherFieldsAreCheckedHere() async throws {
        let harness = try await PanelHarness()
        let output = try await harness.run("""
            let big = servers where limits.memory >= 8192 and not suspended
            let all = servers.list
            let expected = all.filter(fn(s) { return s.limits.memory >= 8192 and not s.suspended })
            print(big.count == len(expected), big.count > 0)
            """)
        #expect(output == ["true true"])
        #expect(harness.requests.allSatisfy { !$0.query.contains { $0.name.hasPrefix("filter[") } })
        await harness.stop()
    }

    @Test func listMethodsWorkOnQueries() async throws {
        let harness = try await PanelHarness(servers: 30)
        let output = try await harness.run("""
            let q = servers where node == 1
            let all = q.list
            print(q.sort(by: fn(s) => s.name).map(fn(s) => s.name) == all.map(fn(s) => s.name).sort())
            let groups = servers.group(by: fn(s) => s.node)
            print(groups[1].count == q.count, groups.keys().sum() > 0)
            print(q.sum(fn(s) => s.limits.memory) == all.map(fn(s) => s.limits.memory).sum())
            print(q.filter(fn(s) => s.suspended).count == (servers where node == 1 and suspended).count)
            """)
        #expect(output == ["true", "true true", "true", "true"])
        await harness.stop()
    }

    @Test func listMethodsThatChangeTheirListAreRefusedOnQueriesWithoutFetching() async throws {
        let harness = try await PanelHarness(servers: 30)
        harness.forgetRequests()
        let output = try await harness.run("""
            try { servers.push(1) } catch e { print(e.message) }
            try { (servers where node == 1).pop() } catch e { print(e.message) }
            help(servers)
            """)
        #expect(output.first == "servers is a query of the panel, not a list: push() would change a copy fetched for nothing; take .list first")
        #expect(output.dropFirst().first?.hasPrefix("servers is a query of the panel, not a list: pop()") == true)
        #expect(harness.requests.isEmpty, "\(harness.requests.map(\.path))")
        let help = output.last ?? ""
        #expect(help.contains("suspend") && help.contains("sort") && !help.contains("push") && !help.contains("pop,"), "\(help)")
        let names = try await harness.run("let l = servers.list\nl.push(1)\nprint(len(l) == servers.count + 1)")
        #expect(names == ["true"])
        await harness.stop()
    }

    @Test func getFindsOneByAFieldAndPanelErrorsNameTheLine() async throws {
        let harness = try await PanelHarness()
        let output = try await harness.run("""
            let admin = users.get(username: "admin")
            print(admin, users.get(username: "nobody-at-all"))
            """)
        #expect(output == [#"User#1 "admin" null"#])
        await #expect {
            _ = try await harness.run("let x = 1\nprint(servers[424242])")
        } throws: { error in
            guard let error = error as? RuntimeError else { return false }
            return error.message == "GET /api/application/servers/424242: 404 Not Found: The requested resource could not be found on the server."
                && error.source.map { $0.location(of: error.range!.start).line } == 2
        }
        await harness.stop()
    }
}

/// Collections that belong to one object.
struct SubCollectionTests {
    @Test func nodeAllocationsNestEggsAndServerDatabasesAreQueries() async throws {
        let harness = try await PanelHarness()
        let output = try await harness.run("""
            let node = nodes.first
            let free = node.allocations where not assigned
            print(node.allocations.count > 0, free.count <= node.allocations.count)
            print(type(node.allocations.first), node.allocations.first.port > 0)
            let nest = nests.first
            print(nest.eggs.count > 0, type(nest.eggs.first))
            print(type(servers.first.databases.list))
            """)
        #expect(output.count == 4, "\(output)")
        #expect(output[0] == "true true")
        #expect(output[1] == "Allocation true")
        #expect(output[2] == "true Egg")
        #expect(output[3] == "list")
        #expect(harness.requests.contains { $0.path.hasPrefix("/api/application/nodes/") && $0.path.hasSuffix("/allocations") })
        await harness.stop()
    }
}

/// What the REPL offers after `x.` and suggests for a misspelt field.
struct ResourceCompletionTests {
    @Test func fieldsAndMethodsOfResourcesAndQueriesComplete() async throws {
        let harness = try await PanelHarness()
        let output = try await harness.run("let s = servers[1]") { interpreter in
            [interpreter.completions(linePrefix: "s.lim").joined(separator: ","),
             interpreter.completions(linePrefix: "s.susp").joined(separator: ","),
             interpreter.completions(linePrefix: "servers.fi").joined(separator: ",")]
        }
        #expect(output.count == 3)
        #expect(output[0].contains("limits"), "\(output)")
        #expect(output[1].contains("suspend") && output[1].contains("suspended"), "\(output)")
        #expect(output[2].contains("first") && output[2].contains("filter"), "\(output)")
        await #expect {
            _ = try await harness.run("print(servers[1].limtis)")
        } throws: { ($0 as? RuntimeError)?.message.contains("did you mean 'limits'?") == true }
        await harness.stop()
    }
}

/// `eggs`: every egg of every nest, one query.
struct EggsAcrossNestsTests {
    @Test func eggsWalksEveryNest() async throws {
        let harness = try await PanelHarness()
        let output = try await harness.run("""
            let perNest = nests.list.map(fn(n) { return n.eggs.count }).sum()
            print(eggs.count == perNest, eggs.count > 1)
            let some = eggs.list[len(eggs.list) - 1]
            print(eggs[some.id] == some, type(some))
            print((eggs where nest == some.nest).count == nests[some.nest].eggs.count)
            """)
        #expect(output == ["true true", "true Egg", "true"], "\(output)")
        await harness.stop()
    }
}
