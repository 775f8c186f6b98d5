import Foundation
import Synchronization
import PteroKit
import PteroLang
import Testing
@testable import PteroRuntime

/// Actions on one resource and bulk jobs on queries, through the write gate.
struct ActionTests {
    static var yes: WriteGate.Settings {
        var settings = WriteGate.Settings()
        settings.assumeYes = true
        return settings
    }

    @Test func oneServerIsSuspendedAndUnsuspended() async throws {
        let harness = try await PanelHarness()
        let output = try await harness.run("""
            let s = servers.first
            s.suspend()
            print(servers[s.id].suspended)
            s.unsuspend()
            print(servers[s.id].suspended)
            """)
        #expect(output == ["true", "false"])
        #expect(harness.requests.contains { $0.method == .post && $0.path.hasSuffix("/suspend") })
        await harness.stop()
    }

    @Test func aBulkJobReportsEachFailureAndGoesOn() async throws {
        let harness = try await PanelHarness(gate: Self.yes)
        // Nodes that hold servers cannot be deleted; empty ones can.
        let output = try await harness.run("""
            let before = nodes.count
            let report = nodes.delete()
            print(report.count == before, len(report.failed) > 0)
            print(nodes.count == before - len(report.ok))
            print(report.failed[0].error)
            """)
        #expect(output.count == 3, "\(output)")
        #expect(output.first == "true true")
        #expect(output.dropFirst().first == "true")
        #expect(output.last?.hasPrefix("DELETE /api/application/nodes/") == true)
        #expect(output.last?.contains(": 400 Bad Request: ") == true, "\(output)")
        await harness.stop()
    }

    @Test func aDryRunPrintsTheWritesAndChangesNothing() async throws {
        var settings = WriteGate.Settings()
        settings.dryRun = true
        let harness = try await PanelHarness(gate: settings)
        let output = try await harness.run("""
            let report = (servers where id <= 3).suspend()
            print(report.count, (servers where suspended and id <= 3).count)
            """)
        #expect(output == ["3 0"])
        #expect(harness.gateLines.withLock { $0 }.sorted() == (1...3).map { "would POST /api/application/servers/\($0)/suspend" })
        #expect(!harness.requests.contains { $0.method != .get })
        await harness.stop()
    }

    static func journal(_ path: String) throws -> Journal {
        let journal = try Journal(path: path)
        try journal.begin(script: "/scripts/test.ptero", source: "test", arguments: [])
        return journal
    }

    @Test func aRerunWithTheJournalSkipsTheWritesDone() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        do {
            // The first run's journal is let go before the rerun opens it (it is locked while held).
            let first = try await PanelHarness(journal: try Self.journal(path))
            _ = try await first.run("(servers where id <= 4).suspend()")
            #expect(first.requests.filter { $0.method == .post }.count == 4)
            await first.stop()
        }

        let journal = try Self.journal(path)
        let second = try await PanelHarness(journal: journal)
        _ = try await second.run("(servers where id <= 6).suspend()")
        #expect(second.requests.filter { $0.method == .post }.map(\.path).sorted()
                == ["/api/application/servers/5/suspend", "/api/application/servers/6/suspend"])
        // The listing and the first four suspensions come from the journal.
        #expect(journal.counts == Journal.Counts(replayed: 5, sentNow: 2, foundDone: 0))
        await second.stop()
    }

    @Test func destructiveActionsNeedConfirmationAndUnknownMethodsAreNamed() async throws {
        let harness = try await PanelHarness()
        await #expect {
            _ = try await harness.run("servers.first.reinstall()")
        } throws: { ($0 as? RuntimeError)?.message.contains("needs confirmation; run with --yes") == true }
        await #expect {
            _ = try await harness.run("servers.first.explode()")
        } throws: { ($0 as? RuntimeError)?.message.contains("explode") == true }
        #expect(!harness.requests.contains { $0.method != .get })
        await harness.stop()
    }
}

/// Changes that send the whole object back with only the named fields changed.
struct ServerChangeTests {
    @Test func buildChangesMemoryAndKeepsEverythingElse() async throws {
        let harness = try await PanelHarness()
        let output = try await harness.run("""
            let s = servers[4]
            let changed = s.build(memory: 4GB)
            let fresh = servers[4]
            print(changed.limits.memory, fresh.limits.memory)
            print(fresh.limits.disk == s.limits.disk, fresh.limits.cpu == s.limits.cpu, fresh.feature_limits == s.feature_limits)
            let renamed = s.update(name: "renamed by ptero")
            print(renamed.name, servers[4].user == s.user, servers[4].description == s.description)
            """)
        #expect(output == ["4096 4096", "true true true", "renamed by ptero true true"])
        await harness.stop()
    }

    @Test func aRefusedChangeShowsEveryFieldError() async throws {
        let harness = try await PanelHarness()
        await #expect {
            _ = try await harness.run("servers[4].build(memory: -5, io: 5)")
        } throws: { error in
            guard let error = error as? RuntimeError else { return false }
            return error.message.hasPrefix("PATCH /api/application/servers/4/build: 422 Unprocessable Entity")
                && error.notes.contains { $0.hasPrefix("limits.memory: ") }
                && error.notes.contains { $0.hasPrefix("limits.io: ") }
        }
        await #expect {
            _ = try await harness.run("servers[4].build(memroy: 5)")
        } throws: { ($0 as? RuntimeError)?.message.contains("no argument named 'memroy'") == true }
        await harness.stop()
    }

    /// A method the API table has on one side only is refused, with the
    /// route, for an object read through the other: a node's allocation
    /// has no `primary` (that is a server's network list), and nothing is sent.
    @Test func aMethodOfTheOtherAPIIsRefusedWithItsRoute() async throws {
        let harness = try await PanelHarness(servers: 2, gate: ActionTests.yes)
        let output = try await harness.run("""
            let a = nodes.first.allocations.first
            try { a.set_primary() } catch e { print(e.message) }
            """)
        #expect(output.count == 1)
        #expect(output.first?.hasSuffix("was read through the application API, and set_primary() is the client API's only "
                                         + "(POST /api/client/servers/{server}/network/allocations/{allocation}/primary): read it from there") == true,
                "\(output)")
        await harness.stop()
    }

    @Test func aListOfObjectsRunsTheirActionAsABulkJob() async throws {
        let harness = try await PanelHarness(servers: 6, gate: ActionTests.yes)
        let output = try await harness.run("""
            let picked = (servers where not suspended).take(2)
            let report = picked.suspend()
            print(report.count, len(report.ok), picked.all(fn(s) => servers[s.id].suspended))
            try { [picked[0], nodes.first].suspend() } catch e { print(e.message) }
            """)
        #expect(output.count == 2)
        #expect(output[0] == "2 2 true")
        #expect(output[1] == "suspend() on a list needs objects of one kind (Server), found a Node")
        await harness.stop()
    }

    @Test func aPanelThatAnswers500HalfWayThroughABulkJobFailsThoseAndTheJobGoesOn() async throws {
        let harness = try await PanelHarness(servers: 20, gate: ActionTests.yes)
        // Every third suspend meets a panel error page.
        let counter = Mutex(0)
        harness.transport.override.withLock {
            $0 = { (request: PanelRequest) -> PanelResponse? in
                guard request.path.hasSuffix("/suspend") else { return nil }
                let count = counter.withLock { value -> Int in value += 1; return value }
                guard count.isMultiple(of: 3) else { return nil }
                return PanelResponse(status: 500, headers: ["Content-Type": "application/json"], body: Data(
                    #"{"errors":[{"code":"InternalServerErrorException","status":"500","detail":"An unexpected error was encountered while processing this request, please try again."}]}"#.utf8))
            }
        }
        let output = try await harness.run("""
            let report = servers.suspend()
            print(report.count, len(report.ok), len(report.failed))
            print(report.failed[0].error)
            print(type(report.failed[0].item))
            """)
        #expect(output.count == 3)
        #expect(output[0] == "20 14 6")
        #expect(output[1].contains("500"), "\(output)")
        #expect(output[1].contains("An unexpected error was encountered"), "\(output)")
        #expect(output[2] == "Server")
        await harness.stop()
    }
}
