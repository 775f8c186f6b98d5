import Foundation
import Testing

/// `--dry-run` with the journal of a killed run: what the journal holds is
/// replayed (the script sees what the first run saw), what is still to do
/// is printed, nothing is sent and nothing is added to the journal.
struct DryRunJournalTests {
    /// Not idempotent: each rename appends to the name the script read.
    static let script = """
        for s in servers where node == 4 {
            s.update(name: s.name + "-m")
        }
        """

    @Test func aDryRunWithTheJournalOfAKilledRunPrintsOnlyWhatIsLeft() throws {
        let rig = try ExampleRig()
        let count = try Int(rig.query("print((servers where node == 4).count)"))!
        let file = rig.folder.appendingPathComponent("rename.ptero")
        try Self.script.write(to: file, atomically: true, encoding: .utf8)
        let journal = rig.folder.appendingPathComponent("rename.journal").path
        // Header, the listing, then intent and outcome of two renames: killed before the third intent.
        var killed = rig.environment
        killed["PTERO_JOURNAL_KILL_BEFORE_RECORD"] = "7"
        let first = try PteroBinary.run(["--url", rig.url, "--journal", journal, file.path], environment: killed)
        #expect(first.status == 128 + SIGKILL || first.status == SIGKILL, "\(first.status) \(first.errors)")
        #expect(rig.journaledWrites(journal) == 2)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let accepted = try rig.acceptedWrites()

        let dry = try PteroBinary.run(["--url", rig.url, "--dry-run", "--journal", journal, file.path], environment: rig.environment)
        #expect(dry.status == 0, "\(dry.errors)")
        let planned = dry.output.split(separator: "\n").filter { $0.hasPrefix("would PATCH /api/application/servers/") }
        #expect(planned.count == count - 2, "\(dry.output)")
        // The names the plan shows are those the first run read, once suffixed.
        #expect(!dry.output.contains("-m-m"), "\(dry.output)")
        #expect(dry.errors.contains("dry run: \(count - 2) writes planned, none sent; journal \(journal): 3 interactions replayed"), "\(dry.errors)")
        #expect(try rig.acceptedWrites() == accepted)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)

        let resumed = try PteroBinary.run(["--url", rig.url, "--journal", journal, file.path], environment: rig.environment)
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resumed.errors.contains("3 interactions replayed, \(count - 2) writes sent now"), "\(resumed.errors)")
        #expect(try rig.query("print((servers where node == 4).list.all(fn(s) => s.name.ends_with(\"-m\") and not s.name.ends_with(\"-m-m\")))") == "true")
        #expect(try rig.successes("PATCH /api/application/servers/{server}/details") == count)
    }
}
