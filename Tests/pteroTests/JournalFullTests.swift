import Foundation
import Testing

/// A journal that can no longer be written (a full disk, here a file-size
/// limit) stops the run at once: the write whose record failed is named,
/// and nothing more is sent, so at most that one write is unrecorded.
struct JournalFullTests {
    @Test func aJournalThatCannotBeWrittenStopsEveryLaterWrite() throws {
        let rig = try ExampleRig()
        let journal = rig.folder.appendingPathComponent("journal").path
        let ptero = PteroBinary.url.path
        // dash counts ulimit -f in 512-byte blocks: room for a few records (each suspension reads its server, about 1.5 KB, then records intent and outcome).
        let result = try PteroBinary.run(
            ["-c", "ulimit -f 16; exec \"$0\" \"$@\"", ptero, "--url", rig.url, "--yes", "--journal", journal,
             "-e", "for i in range(1, 41) { servers[i].suspend() }"],
            environment: rig.environment, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 1, "\(result.errors)")
        #expect(result.errors.contains("cannot write the journal"), "\(result.errors)")
        #expect(result.errors.contains("nothing more is sent"), "\(result.errors)")
        let done = rig.journaledWrites(journal)
        #expect(done > 0 && done < 40)
        // Each intent is flushed before its write leaves: the write whose
        // record failed was sent only when it was its outcome that failed,
        // and then the message says so.
        let sentUnrecorded = result.errors.contains("was sent but its answer is not recorded") ? 1 : 0
        #expect(try rig.acceptedWrites() == done + sentUnrecorded, "\(result.errors)")
    }
}
