import Foundation
import PteroKit
import Testing
@testable import PteroRuntime

/// Issue 12, item 4 (the client's side): a float or a string where the
/// panel stores an integer is a script error with its place, before any
/// request; the panel never sees 5324.8 MiB.
struct WholeNumberTests {
    @Test func aFloatMemoryIsAnErrorBeforeAnyRequest() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        let output = try await harness.run("""
            let s = servers.first
            let memory = 5324.8
            try {
                s.build(memory: memory)
            } catch e { print(e.message, e.line) }
            """) { _ in [] }
        #expect(output == ["memory is a whole number of MiB (got 5324.8): use int(...) or round(...) 4"])
        #expect(!harness.requests.contains { $0.method != .get })
        await harness.stop()
    }

    @Test func aBulkBuildWithAFloatSendsNothing() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        let output = try await harness.run("""
            try { servers.build(memory: 1024, swap: 0.5) } catch e { print(e.message) }
            try { servers.take(2).build(cpu: "100") } catch e { print(e.message) }
            """)
        #expect(output == ["swap is a whole number of MiB (got 0.5): use int(...) or round(...)",
                           "cpu is a whole number of percent (got \"100\"): use int(...) to read a number from text"])
        #expect(!harness.requests.contains { $0.method != .get })
        await harness.stop()
    }

    @Test func everyIntegerFieldOfEveryWriteIsChecked() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        let output = try await harness.run("""
            let s = servers.first
            for attempt in [
                fn() => s.build(add_allocations: [1, 2.5]),
                fn() => s.build(databases: 1.0),
                fn() => s.build(allocation: "3"),
                fn() => s.update(user: 1.5),
                fn() => s.startup(egg: 2.0),
                fn() => nodes.first.update(memory: "4096"),
                fn() => nodes.first.update(daemon_listen: 8080.5),
                fn() => servers.create(name: "x", user: 1, egg: 1, limits: {memory: 512.5, disk: 1024}),
                fn() => servers.create(name: "x", user: 1, egg: 1, allocation: {default: 1, additional: [2.5]}),
                fn() => nodes.create(name: "n", location_id: "1"),
                fn() => servers.create(name: "x", user: 1, egg: 1, allocation: {default: 1.5}),
                fn() => servers.create(name: "x", user: 1, egg: 1, deploy: {locations: [1, 2.5], dedicated_ip: false}),
            ] {
                try { attempt() } catch e { print(e.message) }
            }
            """)
        #expect(output == [
            "add_allocations is a list of allocation ids (whole numbers) (got 2.5): use int(...) or round(...)",
            "databases is a whole number of databases (got 1.0): use int(...) or round(...)",
            "allocation is an allocation id (a whole number) (got \"3\"): use int(...) to read a number from text",
            "user is a user id (a whole number) (got 1.5): use int(...) or round(...)",
            "egg is an egg id (a whole number) (got 2.0): use int(...) or round(...)",
            "memory is a whole number of MiB (got \"4096\"): use int(...) to read a number from text",
            "daemon_listen is a port (a whole number) (got 8080.5): use int(...) or round(...)",
            "memory is a whole number of MiB (got 512.5): use int(...) or round(...)",
            "additional is a list of allocation ids (whole numbers) (got 2.5): use int(...) or round(...)",
            "location_id is a location id (a whole number) (got \"1\"): use int(...) to read a number from text",
            "default is an allocation id (a whole number) (got 1.5): use int(...) or round(...)",
            "locations is a list of location ids (whole numbers) (got 2.5): use int(...) or round(...)",
        ])
        #expect(!harness.requests.contains { $0.method != .get })
        await harness.stop()
    }

    @Test func aScheduleTaskTimeOffsetMustBeWhole() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        let output = try await harness.run("""
            let s = (servers where not suspended).first
            let schedule = s.schedules.create(name: "r", minute: "0", hour: "5", day_of_month: "*", day_of_week: "*")
            try { schedule.add_task("power", "restart", 1.5) } catch e { print(e.message) }
            print(len(schedule.add_task("power", "restart", 0).action))
            """)
        #expect(output == ["time_offset is a whole number of seconds (got 1.5): use int(...) or round(...)", "5"])
        await harness.stop()
    }

    @Test func wholeNumbersAndRoundedOnesAreSent() async throws {
        let harness = try await PanelHarness(servers: 3, gate: ActionTests.yes)
        let output = try await harness.run("""
            let s = servers.first
            print(s.build(memory: int(s.limits.memory * 1.3)).limits.memory == int(s.limits.memory * 1.3))
            """)
        #expect(output == ["true"])
        await harness.stop()
    }
}
