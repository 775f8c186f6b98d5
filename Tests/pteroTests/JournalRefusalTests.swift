import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A journal that cannot be resumed is refused before anything is sent:
/// another script's, an edited script's whose calls differ from it, one in
/// use by another run, a damaged one. Issue 13, "How it must be tested".
struct JournalRefusalTests {
    static let rename = """
        for s in servers where node == 4 {
            s.update(name: s.name + "-m")
        }
        """

    /// Writes `source` as `name` in the rig's folder and runs it killed
    /// before record `k` (a journal of a run stopped half-way).
    static func killedRun(_ rig: ResumeRig, _ name: String, source: String, journal: String, k: Int) throws -> URL {
        let file = rig.folder.appendingPathComponent(name)
        try source.write(to: file, atomically: true, encoding: .utf8)
        _ = try rig.run(["--url", rig.url, "--yes", "--journal", journal, file.path], killBefore: k)
        return file
    }

    @Test func anotherScriptsJournalIsRefused() throws {
        let rig = try ResumeRig()
        let journal = rig.folder.appendingPathComponent("rename.journal").path
        _ = try Self.killedRun(rig, "rename.ptero", source: Self.rename, journal: journal, k: 8)
        let sent = try rig.writesSent()
        let other = rig.folder.appendingPathComponent("suspend.ptero")
        try "for s in servers where node == 3 { s.suspend() }\n".write(to: other, atomically: true, encoding: .utf8)
        let refused = try rig.run(["--url", rig.url, "--yes", "--journal", journal, other.path])
        #expect(refused.status != 0 && !refused.killed, "\(refused.summary)")
        #expect(refused.errors.contains("rename.ptero"), "the refusal names the journal's script: \(refused.errors)")
        #expect(try rig.writesSent() == sent)
    }

    @Test func anEditedScriptWhoseCallsDifferIsRefusedAtTheCall() throws {
        let rig = try ResumeRig()
        let journal = rig.folder.appendingPathComponent("migrate.journal").path
        let file = try Self.killedRun(rig, "migrate.ptero", source: Self.rename, journal: journal, k: 8)
        let sent = try rig.writesSent()
        #expect(sent > 0, "the killed run renamed some servers first")
        // Same path, another suffix on line 2: the first rename differs from the journal's.
        try Self.rename.replacingOccurrences(of: "\"-m\"", with: "\"-x\"").write(to: file, atomically: true, encoding: .utf8)
        let refused = try rig.run(["--url", rig.url, "--yes", "--journal", journal, file.path])
        #expect(refused.status != 0 && !refused.killed, "\(refused.summary)")
        #expect(refused.errors.contains(#/migrate\.ptero:2:\d+/#), "the refusal shows file:line:col of the diverging call: \(refused.errors)")
        #expect(try rig.writesSent() == sent)
    }

    @Test func aSecondRunOnAJournalInUseIsRefused() throws {
        let rig = try ResumeRig()
        let journal = rig.folder.appendingPathComponent("held.journal").path
        let file = rig.folder.appendingPathComponent("held.ptero")
        try "servers[1].update(name: \"held\")\nsleep(60)\nservers[2].update(name: \"late\")\n".write(to: file, atomically: true, encoding: .utf8)
        let holder = Process()
        holder.executableURL = PteroBinary.url
        holder.arguments = ["--url", rig.url, "--yes", "--journal", journal, file.path]
        holder.environment = ProcessInfo.processInfo.environment.merging(rig.environment) { _, new in new }
        holder.currentDirectoryURL = rig.folder
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer {
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }
        // Once the panel has its first write, the holder has the journal open and is asleep.
        let deadline = Date().addingTimeInterval(60)
        while holder.isRunning, Date() < deadline, try rig.writesSent() == 0 { usleep(20_000) }
        let held = try rig.writesSent()
        try #require(holder.isRunning && held == 1, "the first run never got to its sleep (\(held) writes)")

        let second = try rig.run(["--url", rig.url, "--yes", "--journal", journal, file.path])
        #expect(second.status != 0 && !second.killed, "\(second.summary)")
        #expect(second.errors.contains("in use by another ptero run"), "\(second.errors)")
        #expect(try rig.writesSent() == 1)
    }

    @Test func aJournalWithGarbageInTheMiddleIsRefusedWithTheLineNumber() throws {
        let rig = try ResumeRig()
        let journal = rig.folder.appendingPathComponent("damaged.journal").path
        let file = try Self.killedRun(rig, "damaged.ptero", source: Self.rename, journal: journal, k: 8)
        var lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count > 4, "the killed run left \(lines.count) lines")
        lines.insert("}{ not a record of ptero's", at: 2)
        try lines.joined(separator: "\n").write(toFile: journal, atomically: true, encoding: .utf8)
        let sent = try rig.writesSent()
        let refused = try rig.run(["--url", rig.url, "--yes", "--journal", journal, file.path])
        #expect(refused.status != 0 && !refused.killed, "\(refused.summary)")
        #expect(refused.errors.contains(#/line 3\b|:3:/#), "the refusal says where the journal breaks: \(refused.errors)")
        #expect(try rig.writesSent() == sent)
    }
}
