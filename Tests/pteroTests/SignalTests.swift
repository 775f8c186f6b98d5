import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C, SIGTERM and SIGHUP stop a script before its next write, let the
/// write in flight finish and be journaled, and exit 130; a second Ctrl-C
/// during a bulk job abandons the requests in flight at once.
@Suite(.serialized) struct SignalTests {
    static let suspendRoute = "POST /api/application/servers/{server}/suspend"

    /// Thirty plain statements, no loop and no function call: before, the
    /// interruption flag was raised and never looked at, so Ctrl-C sent all
    /// thirty and exited 0, and SIGTERM killed ptero mid-write.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalStopsPlainStatementsBeforeTheNextWrite(signal: Int32) throws {
        let rig = try ExampleRig(latency: 100)
        let script = rig.folder.appendingPathComponent("suspend-each.ptero")
        try (1...30).map { "servers[\($0)].suspend()\n" }.joined().write(to: script, atomically: true, encoding: .utf8)
        let journal = rig.folder.appendingPathComponent("run.journal").path
        let child = try RunningPtero(["--url", rig.url, "--yes", "--journal", journal, script.path], environment: rig.environment)
        #expect(child.wait(until: { rig.journaledWrites(journal) >= 2 }), "\(child.standardError)")
        child.signal(signal)
        let status = child.exitStatus()
        #expect(status == 130, "\(child.standardError)")
        #expect(child.standardError.contains("interrupted"))
        let sent = try rig.successes(Self.suspendRoute)
        #expect(sent < 30)
        // Every write the panel took is in the journal, so a rerun sends none twice.
        #expect(rig.journaledWrites(journal) == sent)
    }

    @Test func aSecondCtrlCAbandonsABulkJobsRequestsInFlight() throws {
        let rig = try ExampleRig(latency: 1500)
        let journal = rig.folder.appendingPathComponent("bulk.journal").path
        let child = try RunningPtero(["--url", rig.url, "--yes", "--journal", journal, "-e", "print(servers.suspend())"],
                                     environment: rig.environment)
        #expect(child.wait(until: { rig.journaledWrites(journal) >= 1 }), "\(child.standardError)")
        child.signal(SIGINT)
        #expect(child.wait(until: { child.standardError.contains("stopping: waiting for") }), "\(child.standardError)")
        let stopping = child.standardError.split(separator: "\n").first { $0.contains("stopping:") } ?? ""
        #expect(stopping.contains("requests in flight (Ctrl-C again to abandon them)") || stopping.contains("request in flight (Ctrl-C again to abandon it)"))
        #expect(!stopping.contains("s left"))
        child.signal(SIGINT)
        #expect(child.exitStatus() == 130, "\(child.standardError)")
        #expect(child.standardError.contains("abandoned in flight (not journaled)"), "\(child.standardError)")
        #expect(child.standardOutput.isEmpty)
        let sent = try rig.successes(Self.suspendRoute)
        #expect(sent < 60)
        #expect(rig.journaledWrites(journal) <= sent)
    }
}
