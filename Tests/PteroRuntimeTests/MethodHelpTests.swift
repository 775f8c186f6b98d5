import Foundation
import PteroKit
import Testing
@testable import PteroRuntime

/// `help` on panel methods (issue 12, item 13): a method shows its
/// signature, the endpoint it calls and what it does; bare `help` names
/// the panel's collections and `where`.
struct MethodHelpTests {
    @Test func helpOnAServerMethodShowsSignatureEndpointAndDescription() async throws {
        let harness = try await PanelHarness(servers: 2)
        let output = try await harness.run("help(servers.first.build)")
        #expect(output == [
            "build(memory:, swap:, disk:, io:, cpu:, threads:, oom_disabled:, allocation:, databases:, allocations:, backups:, add_allocations:, remove_allocations:)",
            "  PATCH /api/application/servers/{server}/build",
            "  Changes the server's limits, feature limits and allocations; fields not named keep their values.",
        ])
        await harness.stop()
    }

    @Test func helpOnAQueryMethodSaysItIsABulkJob() async throws {
        let harness = try await PanelHarness(servers: 2)
        let output = try await harness.run("help(servers.suspend)\nhelp(nodes.first.delete)\nhelp(users.create)")
        #expect(output == [
            "suspend()",
            "  POST /api/application/servers/{server}/suspend",
            "  Suspends the server: it stops and its owner cannot start it.",
            "  On a query or a list: a bulk job, one request per server, at the panel's rate limit.",
            "delete()",
            "  DELETE /api/application/nodes/{node}",
            "  Deletes this node on the panel.",
            "  Asks first on a terminal (--yes skips the question).",
            "create(...)",
            "  POST /api/application/users",
            "  Adds one user; the named arguments are the body's fields, and the new object comes back.",
        ])
        await harness.stop()
    }

    @Test func everyActionOfEveryKindHasHelp() {
        for (object, actions) in ResourceAction.table {
            for action in actions {
                let text = action.help(for: ResourceKind.forObject(object), onQuery: false)
                #expect(!action.summary.isEmpty && text.contains(" /api/"), "\(object).\(action.name): \(text)")
                #expect(!text.contains("{the object's path}"), "\(object).\(action.name): \(text)")
            }
        }
    }

    @Test func aMethodValueCallsAsTheMethodDoes() async throws {
        let harness = try await PanelHarness(servers: 2, gate: ActionTests.yes)
        let output = try await harness.run("""
            let s = servers.first
            let build = s.build
            print(build, type(build))
            print(build(memory: 3000).limits.memory)
            """)
        #expect(output == ["<method server.build> Method", "3000"])
        await harness.stop()
    }

    @Test func bareHelpNamesThePanelCollectionsAndWhere() async throws {
        let harness = try await PanelHarness(servers: 2)
        let output = try await harness.run("help()")
        #expect(output.contains { $0.hasPrefix("Panel: servers, nodes, users, locations, nests, eggs are lazy queries") })
        #expect(output.contains { $0.contains("where node == 3") })
        #expect(output.contains { $0.contains("help(servers.first.build)") })
        await harness.stop()
    }

    /// A method made of several rows of the API table shows each: the
    /// forced delete, and a database's password reset on either API.
    @Test func helpShowsEveryRowAMethodSends() async throws {
        let harness = try await PanelHarness(servers: 2)
        let output = try await harness.run("help(servers.first.delete)\nhelp(servers.first.databases.first.reset_password)")
        #expect(output.contains("  DELETE /api/application/servers/{server}"), "\(output)")
        #expect(output.contains("  DELETE /api/application/servers/{server}/force (force: true)"), "\(output)")
        #expect(output.contains("  POST /api/client/servers/{server}/databases/{database}/rotate-password (read through the client API)"), "\(output)")
        #expect(output.first == "delete(force:)")
        await harness.stop()
    }

    /// Every method's help names only routes of its dialect's API table.
    @Test(arguments: PanelDialect.allCases) func everyMethodsRoutesAreTableRows(dialect: PanelDialect) {
        let routes = Set(dialect.table.endpoints.map(\.route))
        for (object, actions) in ResourceAction.tables[dialect] ?? [:] {
            for action in actions {
                for line in action.endpoint.split(separator: "\n") {
                    let route = line.trimmingCharacters(in: .whitespaces).split(separator: " ").prefix(2).joined(separator: " ")
                    #expect(routes.contains(route), "\(object).\(action.name): \(line)")
                }
            }
        }
    }
}
