import Foundation
import Testing

/// A journal of a run that finished, given again, says so instead of a
/// plain "60 ok" that hides that nothing was sent; a run that failed or was
/// a dry run leaves the journal open for a resume.
struct FinishedJournalTests {
    static let script = "print((servers where id <= 3).suspend())"

    @Test func aRerunOnTheJournalOfAFinishedRunSaysSoAndSendsNothing() throws {
        let rig = try ExampleRig()
        let journal = rig.folder.appendingPathComponent("journal").path
        let first = try PteroBinary.run(["--url", rig.url, "--yes", "--journal", journal, "-e", Self.script], environment: rig.environment)
        #expect(first.status == 0, "\(first.errors)")
        #expect(!first.errors.contains("is of a run that finished"))
        let sent = try rig.acceptedWrites()
        #expect(sent == 3)

        let again = try PteroBinary.run(["--url", rig.url, "--yes", "--journal", journal, "-e", Self.script], environment: rig.environment)
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.errors.contains("is of a run that finished: 4 interactions replayed, 0 writes sent now; nothing it holds was sent again; to run the script afresh, move the journal away or give another --journal"), "\(again.errors)")
        #expect(try rig.acceptedWrites() == sent)
    }

    @Test func aRunThatFailedOrADryRunDoesNotMarkTheJournalFinished() throws {
        let rig = try ExampleRig()
        let journal = rig.folder.appendingPathComponent("journal").path
        let failing = try PteroBinary.run(["--url", rig.url, "--yes", "--journal", journal, "-e", Self.script + "\nerror(\"stop\")"],
                                          environment: rig.environment)
        #expect(failing.status == 1)
        let dry = try PteroBinary.run(["--url", rig.url, "--dry-run", "--journal", journal, "-e", Self.script], environment: rig.environment)
        #expect(dry.status == 0, "\(dry.errors)")
        let resumed = try PteroBinary.run(["--url", rig.url, "--yes", "--journal", journal, "-e", Self.script], environment: rig.environment)
        #expect(resumed.status == 0)
        #expect(!resumed.errors.contains("is of a run that finished"), "\(resumed.errors)")
        // The edited script asks what the journal holds up to its end: replayed, nothing sent.
        #expect(resumed.errors.contains("the script changed since the journal"), "\(resumed.errors)")
        #expect(resumed.errors.contains("4 interactions replayed, 0 writes sent now"), "\(resumed.errors)")
    }
}
