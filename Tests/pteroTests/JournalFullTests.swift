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
        // dash counts ulimit -f in 512-byte blocks: room for a few records.
        let result = try PteroBinary.run(
            ["-c", "ulimit -f 2; exec \"$0\" \"$@\"", ptero, "--url", rig.url, "--yes", "--journal", journal,
             "-e", "for i in range(1, 41) { servers[i].suspend() }"],
            environment: rig.environment, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 1, "\(result.errors)")
        #expect(result.errors.contains("cannot write the journal"), "\(result.errors)")
        #expect(result.errors.contains("was sent but is not recorded, so a rerun would send it again; nothing more is sent"), "\(result.errors)")
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        let records = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().count
        #expect(records > 0 && records < 40)
        #expect(try rig.acceptedWrites() == records + 1)
    }
}
