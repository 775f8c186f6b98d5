import Foundation
import Testing

/// Each migration killed with SIGKILL before each record of its journal
/// (`PTERO_JOURNAL_KILL_BEFORE_RECORD=k`, every k or an even sample of
/// `sampleLimit`), then resumed with the same command: the panel must end
/// as after an uninterrupted run, with every write accepted exactly once
/// (`/_sim/stats`, per route). Issue 13, "How it must be tested".
struct ResumeEverywhereTests {
    /// Runs the reference, then every kill point, on one sim; fails with every difference.
    static func expectResumesEverywhere(_ script: ResumeScript, rig given: ResumeRig? = nil) throws {
        let rig = try given ?? ResumeRig()
        let reference = try rig.reference(script)
        let problems = try rig.killEverywhere(script, reference: reference)
        #expect(problems.isEmpty, "\(script.name), \(reference.records) records, kill points \(ResumeRig.killPoints(records: reference.records, limit: script.sampleLimit)):\n\(problems.joined(separator: "\n"))")
    }

    // MARK: scripts/examples, with the arguments ExampleScriptTests gives them

    @Test func moveServers() throws {
        try Self.expectResumesEverywhere(.example("move-servers.ptero", ["4", "5"]))
    }

    @Test func raiseMemory() throws {
        try Self.expectResumesEverywhere(.example("raise-memory.ptero", ["3", "12288"]))
    }

    @Test func renameServers() throws {
        try Self.expectResumesEverywhere(.example("rename-servers.ptero", ["^Prison (\\w+)", "Jail $1"]))
    }

    @Test func suspendUsers() throws {
        let rig = try ResumeRig()
        // The emails of users 2...11 and one nobody has, as ExampleScriptTests.unpaidUsers writes them.
        let emails = try rig.run(["--url", rig.url, "-e", "print(csv((users where id >= 2 and id <= 11).list.map(fn(u) => {email: u.email, plan: \"basic\"})))"])
        #expect(emails.status == 0, "\(emails.errors)")
        let file = rig.folder.appendingPathComponent("unpaid.csv")
        try (emails.output + "nobody@nowhere.test,basic\n").write(to: file, atomically: true, encoding: .utf8)
        try Self.expectResumesEverywhere(.example("suspend-users.ptero", [file.path]), rig: rig)
    }

    @Test func createUsers() throws {
        try Self.expectResumesEverywhere(.example("create-users.ptero", [ResumeScript.fixtures.appendingPathComponent("new-users.csv").path]))
    }

    // MARK: Tests/Fixtures/resume: scripts that are not idempotent

    @Test func renameAppend() throws {
        try Self.expectResumesEverywhere(.fixture("rename-append.ptero"))
    }

    @Test func suspendUnsuspended() throws {
        try Self.expectResumesEverywhere(.fixture("suspend-unsuspended.ptero"))
    }

    @Test func createThenUse() throws {
        var script = ResumeScript.fixture("create-then-use.ptero")
        script.lastLineMustMatch = true
        try Self.expectResumesEverywhere(script)
    }

    @Test func bulkJob() throws {
        try Self.expectResumesEverywhere(.fixture("bulk-job.ptero"))
    }

    @Test func parallelFor() throws {
        try Self.expectResumesEverywhere(.fixture("parallel.ptero"))
    }

    /// The killed run sees RESUME_TAG=first, the resumed ones second, and
    /// each its own clock: every name must carry one and the same tag.
    @Test func nowAndEnvironment() throws {
        try Self.expectResumesEverywhere(Self.stamped)
    }

    static let stamped: ResumeScript = {
        var script = ResumeScript.fixture("stamp-now-env.ptero")
        script.firstEnvironment = ["RESUME_TAG": "first"]
        script.resumeEnvironment = ["RESUME_TAG": "second"]
        script.normalize = { $0.replacing(#/\[[^\]]*\]/#, with: "[TAG]") }
        script.check = { state in
            let tags = Set(state.matches(of: #/\[([^\]]*)\]/#).map { String($0.1) })
            return tags.count == 1 ? nil : "the names carry \(tags.count) different tags: \(tags.sorted())"
        }
        return script
    }()

    /// A bulk job of reinstalls, which no read can see done: a write in
    /// flight at the kill makes the resume stop with status 4, and the rig
    /// accepts or retries it as the panel's counts say.
    @Test func reinstallBulk() throws {
        let rig = try ResumeRig()
        try Self.expectResumesEverywhere(.fixture("reinstall-bulk.ptero"), rig: rig)
        #expect(rig.accepted > 0, "no resumed run stopped at a reinstall in flight that the panel took (\(rig.retried) retried)")
    }

    /// Console commands over the socket as a bulk job, then one more, and
    /// console reads: each command is run exactly once by the sim's Wings
    /// (`/_sim/stats` console_commands); one in flight at a kill makes the
    /// resume stop with status 4, and the rig accepts or retries it as the
    /// sim's count says.
    @Test func consoleCommands() throws {
        let rig = try ResumeRig()
        try Self.expectResumesEverywhere(.fixture("console-commands.ptero"), rig: rig)
        #expect(rig.accepted > 0, "no resumed run stopped at a console command in flight that the game ran (\(rig.retried) retried)")
    }

    // MARK: under --fault-rate 0.2

    /// With the sim failing a fifth of the requests (a 500, 502 or 503 or a
    /// dropped connection before the panel sees the request; a dropped
    /// connection or a 504 after the panel did it: `FaultInjector.Fate`),
    /// a killed and resumed run may end with a reported failure, but no
    /// write is ever accepted twice: a lost answer is judged by what the
    /// panel shows, never resent blindly.
    static func expectNeverTwiceUnderFaults(_ script: ResumeScript) throws {
        let reference = try ResumeRig().reference(script)
        let rig = try ResumeRig(faultRate: 0.2)
        let problems = try rig.killEverywhere(script, reference: reference, expectation: .neverTwice)
        #expect(problems.isEmpty, "\(script.name) under --fault-rate 0.2:\n\(problems.joined(separator: "\n"))")
    }

    @Test func renameAppendUnderFaults() throws {
        try Self.expectNeverTwiceUnderFaults(.fixture("rename-append.ptero"))
    }

    @Test func bulkJobUnderFaults() throws {
        try Self.expectNeverTwiceUnderFaults(.fixture("bulk-job.ptero"))
    }

    // MARK: connections dropped mid-request

    /// With a fifth of the requests losing their connection (before the
    /// panel reads them, or after it did them: dropped, or a gateway's 504),
    /// nothing is refused, so every kill point must end exactly as the
    /// uninterrupted run without faults: each write accepted once, none
    /// twice, whatever answer was lost.
    static func expectExactWithDroppedConnections(_ script: ResumeScript) throws {
        let reference = try ResumeRig().reference(script)
        let rig = try ResumeRig(faultRate: 0.2, faults: "drop-before,drop-after,504-after")
        let problems = try rig.killEverywhere(script, reference: reference)
        #expect(problems.isEmpty, "\(script.name) with dropped connections:\n\(problems.joined(separator: "\n"))")
    }

    @Test func renameAppendWithDroppedConnections() throws {
        try Self.expectExactWithDroppedConnections(.fixture("rename-append.ptero"))
    }

    @Test func suspendUnsuspendedWithDroppedConnections() throws {
        try Self.expectExactWithDroppedConnections(.fixture("suspend-unsuspended.ptero"))
    }

    @Test func createThenUseWithDroppedConnections() throws {
        var script = ResumeScript.fixture("create-then-use.ptero")
        script.lastLineMustMatch = true
        try Self.expectExactWithDroppedConnections(script)
    }

    @Test func parallelForWithDroppedConnections() throws {
        try Self.expectExactWithDroppedConnections(.fixture("parallel.ptero"))
    }
}
