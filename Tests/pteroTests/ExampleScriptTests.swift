import Foundation
import Testing

/// Every migration in `scripts/examples`, against `ptero sim`: a dry run
/// that changes nothing, a real run that does the job, and a run killed
/// with SIGKILL half-way then resumed with its journal, which finishes the
/// job without doing anything twice.
struct ExampleScriptTests {
    // MARK: move-servers

    static let serversOnNodes = "print((servers where node == 4).count, (servers where node == 5).count)"

    @Test func moveServersDryRunChangesNothing() throws {
        let rig = try ExampleRig()
        let before = try rig.query(Self.serversOnNodes)
        let dry = try rig.run("move-servers.ptero", ["4", "5"], options: ["--dry-run", "--yes"])
        #expect(dry.status == 0, "\(dry.errors)")
        #expect(dry.output.contains("would POST /api/application/servers {"))
        #expect(dry.output.contains("would DELETE /api/application/servers/"))
        #expect(dry.errors.contains("writes planned, none sent"), "\(dry.errors)")
        #expect(try rig.acceptedWrites() == 0)
        #expect(try rig.query(Self.serversOnNodes) == before)
    }

    @Test func moveServersMovesEveryServerWithItsSettings() throws {
        let rig = try ExampleRig()
        let names = try rig.query("print((servers where node == 4).list.map(fn(s) => \"{s.name}|{s.user}|{s.egg}|{s.limits.memory}\").sort())")
        let counts = try rig.query(Self.serversOnNodes).split(separator: " ").compactMap { Int($0) }
        let real = try rig.run("move-servers.ptero", ["4", "5"], options: ["--yes"])
        #expect(real.status == 0, "\(real.errors)")
        #expect(real.output.hasSuffix("\(counts[0]) servers moved\n"), "\(real.output)")
        #expect(try rig.query(Self.serversOnNodes) == "0 \(counts[0] + counts[1])")
        let moved = try rig.query("print((servers where node == 5 and id > 60).list.map(fn(s) => \"{s.name}|{s.user}|{s.egg}|{s.limits.memory}\").sort())")
        #expect(moved == names)
    }

    @Test func moveServersKilledHalfWayResumesWithoutDoingAnythingTwice() throws {
        let rig = try ExampleRig(latency: 60)
        let counts = try rig.query(Self.serversOnNodes).split(separator: " ").compactMap { Int($0) }
        let journal = try rig.killHalfWay("move-servers.ptero", ["4", "5"], afterJournalLines: 4)
        #expect(try rig.query(Self.serversOnNodes) != "0 \(counts[0] + counts[1])")
        let resumed = try rig.run("move-servers.ptero", ["4", "5"], options: ["--yes", "--journal", journal])
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(try rig.query(Self.serversOnNodes) == "0 \(counts[0] + counts[1])")
        // One copy per server and one delete per server, over both runs.
        #expect(try rig.successes("POST /api/application/servers") == counts[0])
        #expect(try rig.successes("DELETE /api/application/servers/{server}/{force}") == counts[0])
    }

    // MARK: raise-memory

    static let memoryOfEgg = "print((servers where egg == 3 and limits.memory != 0).list.all(fn(s) => s.limits.memory >= 12288))"

    @Test func raiseMemoryDryRunChangesNothing() throws {
        let rig = try ExampleRig()
        let dry = try rig.run("raise-memory.ptero", ["3", "12288"], options: ["--dry-run"])
        #expect(dry.status == 0, "\(dry.errors)")
        #expect(dry.output.contains("would PATCH /api/application/servers/"))
        #expect(try rig.acceptedWrites() == 0)
        #expect(try rig.query(Self.memoryOfEgg) == "false")
    }

    @Test func raiseMemoryRaisesAndRestartsTheRunningOnes() throws {
        let rig = try ExampleRig()
        let low = try Int(rig.query("print((servers where egg == 3 and limits.memory != 0 and limits.memory < 12288).count)"))!
        let real = try rig.run("raise-memory.ptero", ["3", "12288"])
        #expect(real.status == 0, "\(real.errors)")
        #expect(real.output.hasSuffix("\(low) servers raised\n"), "\(real.output)")
        #expect(try rig.query(Self.memoryOfEgg) == "true")
        #expect(try rig.successes("PATCH /api/application/servers/{server}/build") == low)
        #expect(try rig.successes("POST /api/client/servers/{server}/power") > 0)
    }

    @Test func raiseMemoryKilledHalfWayResumesWithoutDoingAnythingTwice() throws {
        let rig = try ExampleRig(latency: 60)
        let low = try Int(rig.query("print((servers where egg == 3 and limits.memory != 0 and limits.memory < 12288).count)"))!
        let journal = try rig.killHalfWay("raise-memory.ptero", ["3", "12288"], afterJournalLines: 3)
        #expect(try rig.query(Self.memoryOfEgg) == "false")
        let resumed = try rig.run("raise-memory.ptero", ["3", "12288"], options: ["--journal", journal])
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(try rig.query(Self.memoryOfEgg) == "true")
        // A write the panel took just before the kill, not yet journaled, may be sent again.
        let builds = try rig.successes("PATCH /api/application/servers/{server}/build")
        #expect(builds >= low && builds <= low + 1, "\(builds) builds for \(low) servers")
    }

    // MARK: rename-servers

    static let prisonCount = "print((servers where name ~ \"^Prison \").count, (servers where name ~ \"^Jail \").count)"

    @Test func renameServersDryRunChangesNothing() throws {
        let rig = try ExampleRig()
        let before = try rig.query(Self.prisonCount)
        let dry = try rig.run("rename-servers.ptero", ["^Prison (\\w+)", "Jail $1"], options: ["--dry-run"])
        #expect(dry.status == 0, "\(dry.errors)")
        #expect(dry.output.contains("would PATCH /api/application/servers/"))
        #expect(dry.output.contains("\"name\":\"Jail "))
        #expect(try rig.acceptedWrites() == 0)
        #expect(try rig.query(Self.prisonCount) == before)
    }

    @Test func renameServersRenamesByPattern() throws {
        let rig = try ExampleRig()
        let prisons = try Int(rig.query("print((servers where name ~ \"^Prison \").count)"))!
        let real = try rig.run("rename-servers.ptero", ["^Prison (\\w+)", "Jail $1"])
        #expect(real.status == 0, "\(real.errors)")
        #expect(real.output.hasSuffix("\(prisons) renamed, 0 failed\n"), "\(real.output)")
        #expect(try rig.query(Self.prisonCount) == "0 \(prisons)")
    }

    @Test func renameServersKilledHalfWayResumes() throws {
        let rig = try ExampleRig(latency: 60)
        let prisons = try Int(rig.query("print((servers where name ~ \"^Prison \").count)"))!
        let journal = try rig.killHalfWay("rename-servers.ptero", ["^Prison (\\w+)", "Jail $1"], afterJournalLines: 2)
        let resumed = try rig.run("rename-servers.ptero", ["^Prison (\\w+)", "Jail $1"], options: ["--journal", journal])
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(try rig.query(Self.prisonCount) == "0 \(prisons)")
        let renames = try rig.successes("PATCH /api/application/servers/{server}/details")
        #expect(renames >= prisons && renames <= prisons + 1)
    }
}
