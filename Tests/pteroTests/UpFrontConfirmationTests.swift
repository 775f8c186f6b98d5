import Foundation
import Testing

/// A script that will ask for confirmation, run without a terminal and
/// without `--yes`, is refused before its first write (before, it sent the
/// writes up to the question, then failed); a dry run says where it asks.
struct UpFrontConfirmationTests {
    static let script = """
        print("started")
        servers[1].suspend()
        for s in servers where node == 1 { s.unsuspend() }
        let old = servers where name ~ "^a"
        old.suspend()
        servers[2].delete()

        """

    @Test func refusedBeforeTheFirstWriteWithEachPlace() throws {
        let rig = try ExampleRig()
        let file = rig.folder.appendingPathComponent("migrate.ptero")
        try Self.script.write(to: file, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run(["--url", rig.url, file.path], environment: rig.environment)
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("nothing was sent"), "\(result.errors)")
        #expect(result.errors.contains("  \(file.path):5:1: old.suspend() (asks if the bulk job has over 10 items)"), "\(result.errors)")
        #expect(result.errors.contains("  \(file.path):6:1: servers[2].delete() (delete always asks)"), "\(result.errors)")
        // A single object's harmless action does not ask, so it is not listed.
        #expect(!result.errors.contains(":2:1:"))
        #expect(!result.errors.contains("s.unsuspend()"))
        #expect(result.errors.contains("--yes"))
        #expect(result.errors.contains("--dry-run"))
        #expect(try rig.acceptedWrites() == 0)
    }

    @Test func aDryRunSaysWhichWritesWouldAsk() throws {
        let rig = try ExampleRig()
        let result = try PteroBinary.run(["--url", rig.url, "--dry-run", "-e", "servers[1].suspend()\nservers[2].delete()"],
                                         environment: rig.environment)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        let ask = try #require(lines.firstIndex { $0.hasPrefix("would ask first: delete Server#2") }, "\(result.output)")
        #expect(lines[ask].hasSuffix("? (a run without a terminal needs --yes)"))
        #expect(lines.last { $0.hasPrefix("would DELETE /api/application/servers/2") } != nil, "\(result.output)")
        #expect(!lines.contains { $0.hasPrefix("would ask first: suspend") })
        #expect(try rig.acceptedWrites() == 0)
    }

    /// A bulk job asks only over ten items, which only the run can tell:
    /// refused up front all the same, so a cron job cannot stop half-way
    /// when its list grows.
    @Test func aBulkJobThatMayAskIsRefusedUpFrontToo() throws {
        let rig = try ExampleRig()
        let result = try PteroBinary.run(["--url", rig.url, "-e", "servers[4].update(name: \"x\")\nprint((servers where id <= 3).suspend())"],
                                         environment: rig.environment)
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.hasPrefix("ptero: this script may ask for confirmation, and without a terminal nobody can answer; nothing was sent:"), "\(result.errors)")
        #expect(result.errors.contains("  <-e>:2:7: (servers where id <= 3).suspend() (asks if the bulk job has over 10 items)\n"), "\(result.errors)")
        #expect(result.errors.contains("run it with --yes"))
        #expect(try rig.acceptedWrites() == 0)
    }

    @Test func yesRunsIt() throws {
        let rig = try ExampleRig()
        let result = try PteroBinary.run(["--url", rig.url, "--yes", "-e", "print((servers where id <= 12).suspend())"],
                                         environment: rig.environment)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("suspend: 12 ok"), "\(result.output)")
    }
}
