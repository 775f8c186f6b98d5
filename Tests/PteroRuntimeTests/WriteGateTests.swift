import Foundation
import PteroKit
import PteroLang
import Synchronization
import Testing
@testable import PteroRuntime

/// The write gate: dry runs, read-only profiles, confirmation and the journal.
struct WriteGateTests {
    /// Records what was printed and what was really sent.
    final class Recorder: Sendable {
        let lines = Mutex<[String]>([])
        let sent = Mutex<[String]>([])
        func print(_ line: String) { lines.withLock { $0.append(line) } }
        func send(_ request: PanelRequest) async throws -> PanelResponse {
            sent.withLock { $0.append(request.summary) }
            return PanelResponse(status: 204)
        }
    }

    static let suspend = PanelRequest(.post, "/api/application/servers/7/suspend")
    static let rename = PanelRequest(.patch, "/api/application/servers/7/details",
                                     body: .json(Data(#"{"name":"new"}"#.utf8)))

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
    }

    @Test func aDryRunPrintsEachWriteAndSendsNothing() async throws {
        let recorder = Recorder()
        var settings = WriteGate.Settings()
        settings.dryRun = true
        let gate = WriteGate(settings: settings, report: recorder.print)
        _ = try await gate.submit(Self.suspend, send: recorder.send)
        _ = try await gate.submit(Self.rename, send: recorder.send)
        #expect(recorder.sent.withLock { $0 }.isEmpty)
        #expect(recorder.lines.withLock { $0 } == [
            "would POST /api/application/servers/7/suspend",
            #"would PATCH /api/application/servers/7/details {"name":"new"}"#,
        ])
        #expect(gate.summary == "dry run: 2 writes planned, none sent")
    }

    @Test func aDryRunShowsThatAPasswordIsSentButNotWhich() async throws {
        let recorder = Recorder()
        var settings = WriteGate.Settings()
        settings.dryRun = true
        let gate = WriteGate(settings: settings, report: recorder.print)
        let create = PanelRequest(.post, "/api/application/users",
                                  body: .json(Data(#"{"email":"a@b.c","password":"hunter2-secret"}"#.utf8)))
        _ = try await gate.submit(create, send: recorder.send)
        #expect(recorder.lines.withLock { $0 } == [#"would POST /api/application/users {"email":"a@b.c","password":"********"}"#])
    }

    @Test func aReadOnlyProfileRefusesWrites() async throws {
        let recorder = Recorder()
        var settings = WriteGate.Settings()
        settings.readOnly = true
        let gate = WriteGate(settings: settings, report: recorder.print)
        await #expect(throws: WriteRefused.self) { try await gate.submit(Self.suspend, send: recorder.send) }
        #expect(recorder.sent.withLock { $0 }.isEmpty)
    }

    @Test func destructiveActionsAskUnlessToldYes() throws {
        let recorder = Recorder()
        let asked = Mutex<[String]>([])
        let refusing = WriteGate(settings: .init(), report: recorder.print) { question in
            asked.withLock { $0.append(question) }
            return false
        }
        #expect(throws: WriteRefused.self) { try refusing.confirmDestructive("reinstall 12 servers") }
        #expect(asked.withLock { $0 } == ["reinstall 12 servers"])

        let nobodyToAsk = WriteGate(settings: .init(), report: recorder.print)
        #expect { try nobodyToAsk.confirmDestructive("delete Server#3") } throws: { "\($0)".contains("--yes") }

        var yes = WriteGate.Settings()
        yes.assumeYes = true
        try WriteGate(settings: yes, report: recorder.print).confirmDestructive("delete Server#3")
    }

    /// A journal that names its script, as a run opens it.
    func journal(_ path: String) throws -> Journal {
        let journal = try Journal(path: path)
        try journal.begin(script: "/scripts/test.ptero", source: "test", arguments: [])
        return journal
    }

    static func position(_ step: Int) -> InteractionPosition { InteractionPosition([step]) }

    static func describe(_ outcome: WriteGate.Outcome) -> String {
        switch outcome {
        case .replayed(let response): "replayed \(response.status)"
        case .sent(let response): "sent \(response.status)"
        case .planned: "planned"
        }
    }

    @Test func aRerunAnswersEachWriteAtItsPositionFromTheJournal() async throws {
        let path = temporaryPath()
        let first = Recorder()
        do {
            let gate = WriteGate(settings: .init(), journal: try journal(path), report: first.print)
            _ = try await gate.submit(Self.suspend, at: Self.position(1), send: first.send)
            _ = try await gate.submit(Self.rename, at: Self.position(2), send: first.send)
            // The same write twice is two writes: the rerun must not take one for the other.
            _ = try await gate.submit(Self.rename, at: Self.position(3), send: first.send)
        }
        // The first run "died" here; the rerun repeats the whole script plus one more write.
        let second = Recorder()
        let gate = WriteGate(settings: .init(), journal: try journal(path), report: second.print)
        var outcomes: [String] = []
        for (step, request) in [Self.suspend, Self.rename, Self.rename, Self.rename].enumerated() {
            outcomes.append(Self.describe(try await gate.submit(request, at: Self.position(step + 1), send: second.send)))
        }
        #expect(outcomes == ["replayed 204", "replayed 204", "replayed 204", "sent 204"])
        #expect(second.sent.withLock { $0 } == ["PATCH /api/application/servers/7/details"])
        #expect(gate.summary?.contains("3 interactions replayed, 1 write sent now") == true, "\(gate.summary ?? "")")
    }

    @Test func aRerunThatAsksAnotherWriteAtAPositionStopsBeforeSendingIt() async throws {
        let path = temporaryPath()
        do {
            let gate = WriteGate(settings: .init(), journal: try journal(path), report: { _ in })
            _ = try await gate.submit(Self.suspend, at: Self.position(1)) { _ in PanelResponse(status: 204) }
            _ = try await gate.submit(Self.suspend, at: Self.position(2)) { _ in PanelResponse(status: 204) }
        }
        let second = Recorder()
        let gate = WriteGate(settings: .init(), journal: try journal(path), report: second.print)
        await #expect {
            _ = try await gate.submit(Self.rename, at: Self.position(1), send: second.send)
        } throws: { error in
            guard let failure = error as? JournalError else { return false }
            return failure.isDivergence && failure.description.contains("holds the write POST /api/application/servers/7/suspend there")
                && failure.description.contains("at step 1 the script asks for the write PATCH /api/application/servers/7/details")
        }
        #expect(second.sent.withLock { $0 }.isEmpty)
    }

    @Test func aTornLastLineIsPassedOverAndARefusalThatEndedTheRunIsAskedAgain() async throws {
        let path = temporaryPath()
        do {
            let gate = WriteGate(settings: .init(), journal: try journal(path), report: { _ in })
            _ = try await gate.submit(Self.suspend, at: Self.position(1)) { _ in PanelResponse(status: 204) }
            _ = try? await gate.submit(Self.rename, at: Self.position(2)) { _ in PanelResponse(status: 422) }
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"kind\":\"outc".utf8))
        try handle.close()

        let second = Recorder()
        do {
            let gate = WriteGate(settings: .init(), journal: try journal(path), report: second.print)
            #expect(Self.describe(try await gate.submit(Self.suspend, at: Self.position(1), send: second.send)) == "replayed 204")
            // The 422 ended the first run: the panel did nothing, so it is sent again.
            #expect(Self.describe(try await gate.submit(Self.rename, at: Self.position(2), send: second.send)) == "sent 204")
        }
        #expect(second.sent.withLock { $0 } == ["PATCH /api/application/servers/7/details"])
        // The record after the torn line is whole: a third run replays both.
        let third = Recorder()
        let gate = WriteGate(settings: .init(), journal: try journal(path), report: third.print)
        _ = try await gate.submit(Self.suspend, at: Self.position(1), send: third.send)
        _ = try await gate.submit(Self.rename, at: Self.position(2), send: third.send)
        #expect(third.sent.withLock { $0 }.isEmpty)
    }

    @Test func aRefusalTheScriptWentOnFromIsGivenAgainOnTheRerun() async throws {
        let path = temporaryPath()
        do {
            let gate = WriteGate(settings: .init(), journal: try journal(path), report: { _ in })
            _ = try? await gate.submit(Self.rename, at: Self.position(1)) { _ in PanelResponse(status: 422) }
            _ = try await gate.submit(Self.suspend, at: Self.position(2)) { _ in PanelResponse(status: 204) }
        }
        let second = Recorder()
        let gate = WriteGate(settings: .init(), journal: try journal(path), report: second.print)
        await #expect(throws: PanelError.self) { try await gate.submit(Self.rename, at: Self.position(1), send: second.send) }
        _ = try await gate.submit(Self.suspend, at: Self.position(2), send: second.send)
        #expect(second.sent.withLock { $0 }.isEmpty)
    }

    @Test func aWriteLeftInFlightIsNeverSentBlindly() async throws {
        let path = temporaryPath()
        let reinstall = PanelRequest(.post, "/api/application/servers/7/reinstall")
        let put = PanelRequest(.put, "/api/client/servers/abc/settings/docker-image", body: .json(Data(#"{"docker_image":"x"}"#.utf8)))
        do {
            let gate = WriteGate(settings: .init(), journal: try journal(path), report: { _ in })
            // Killed while all three were in flight: intents, no outcomes.
            _ = try? await gate.submit(reinstall, at: Self.position(1)) { _ in throw CancellationError() }
            _ = try? await gate.submit(put, at: Self.position(2)) { _ in throw CancellationError() }
            _ = try? await gate.submit(Self.suspend, at: Self.position(3)) { _ in throw CancellationError() }
        }
        let second = Recorder()
        let journal = try journal(path)
        let gate = WriteGate(settings: .init(), journal: journal, report: second.print)
        // A PUT of absolute values does no harm sent twice.
        #expect(Self.describe(try await gate.submit(put, at: Self.position(2), send: second.send)) == "sent 204")
        // The panel shows the server suspended: done, not sent again.
        let suspended = #"{"object":"server","attributes":{"id":7,"suspended":true}}"#
        let probed = Mutex<[String]>([])
        let outcome = try await gate.submit(Self.suspend, at: Self.position(3)) { request in
            probed.withLock { $0.append(request.summary) }
            return PanelResponse(status: 200, body: Data(suspended.utf8))
        }
        #expect(Self.describe(outcome) == "replayed 204")
        #expect(probed.withLock { $0 } == ["GET /api/application/servers/7"])
        #expect(journal.counts.foundDone == 1)
        // Nothing shows whether a reinstall ran, and a second one would wipe
        // files again: the run stops and says how to decide.
        await #expect {
            _ = try await gate.submit(reinstall, at: Self.position(1), send: second.send)
        } throws: { error in
            "\(error)".contains("--accept 1") && "\(error)".contains("--retry 1")
        }
        #expect(journal.needsDecision)
        // The PUT's probe could not tell (an empty answer), so it was sent.
        #expect(second.sent.withLock { $0 } == ["GET /api/client/servers/abc", "PUT /api/client/servers/abc/settings/docker-image"])
    }
}

/// What a bulk job's progress line says while the rate limit holds it back
/// and once Ctrl-C came: before, a burst of the first window's requests
/// made it say "1s left" for minutes, and Ctrl-C showed nothing.
struct BulkProgressLineTests {
    func progress(done: Int, seconds: Int64, ceiling: Double?) -> BulkProgress {
        var progress = BulkProgress(action: "suspend", total: 60)
        progress.done = done
        progress.elapsed = .seconds(seconds)
        progress.rateCeiling = ceiling
        return progress
    }

    @Test func theEstimateKeepsToTheRateLimit() {
        // 20 done in 1 s (a burst), the panel allows 20 a minute: 40 more take 120 s.
        #expect(progress(done: 20, seconds: 1, ceiling: 20.0 / 60).line == "suspend 20/60 · 20.0/s · 120s left")
        #expect(progress(done: 20, seconds: 1, ceiling: nil).line == "suspend 20/60 · 20.0/s · 2s left")
    }

    @Test func stoppingSaysWhatItWaitsForAndDropsTheEstimate() {
        var stopping = progress(done: 20, seconds: 1, ceiling: 20.0 / 60)
        stopping.isStopping = true
        stopping.inFlight = 8
        #expect(stopping.line == "suspend 20/60 · 20.0/s · stopping: waiting for 8 requests in flight (Ctrl-C again to abandon them)")
        stopping.inFlight = 1
        #expect(stopping.line.hasSuffix("waiting for 1 request in flight (Ctrl-C again to abandon it)"))
        stopping.isFinished = true
        stopping.abandoned = 1
        #expect(stopping.line == "suspend 20/60 · 20.0/s · 1 abandoned in flight (not journaled) · in 1.0s")
    }
}

/// Which calls a script makes that will ask for confirmation, read before it runs.
struct ConfirmationScanTests {
    func places(_ text: String) throws -> [ConfirmationScan.Place] {
        let source = Source(name: "s.ptero", text: text)
        return ConfirmationScan.places(in: try Parser.parse(source), source: source)
    }

    @Test func destructiveCallsAlwaysAskAndBulkJobsMay() throws {
        let found = try places("""
            servers[1].suspend()
            let old = servers where node == 3
            old.suspend()
            for s in old { s.unsuspend() }
            fn wipe(x) { x.delete(force: true) }
            nodes.take(3).list.update(name: "n")
            print({ok: servers[2].reinstall()})
            """)
        #expect(found.map(\.location.description) == ["3:1", "5:14", "6:1", "7:12"])
        #expect(found.map(\.isCertain) == [false, true, false, true])
        #expect(found[1].call == "x.delete(force: true)")
        #expect(found[1].reason == "delete always asks")
    }

    /// A console command on a collection is a bulk job that asks over 10
    /// servers; the console reads never ask, nor `run` on one server.
    @Test func aConsoleCommandOnACollectionMayAsk() throws {
        let found = try places("""
            (servers where node == 3).run("save-all", until: "Saved")
            (servers where node == 3).wait_state("running")
            servers[1].run("say hi")
            servers.list.take(20).stats()
            """)
        #expect(found.map(\.location.description) == ["1:1"])
        #expect(found.first?.isCertain == false)
    }

    @Test func aScriptWithoutWritesHasNone() throws {
        #expect(try places("let m = {delete: 1}\nprint(m.delete, [1, 2].filter(fn(x) => x > 1))").isEmpty)
    }
}

/// A dry run says where the real run would stop to ask.
struct DryRunQuestionTests {
    @Test func aDryRunNamesTheQuestionAndDoesNotAsk() throws {
        let lines = Mutex<[String]>([])
        var settings = WriteGate.Settings()
        settings.dryRun = true
        let gate = WriteGate(settings: settings, report: { line in lines.withLock { $0.append(line) } }, confirm: { _ in
            Issue.record("a dry run asked")
            return false
        })
        try gate.confirmDestructive("delete Server#7")
        #expect(lines.withLock { $0 } == ["would ask first: delete Server#7? (a run without a terminal needs --yes)"])
    }
}

/// A power signal left in flight is judged by the server's state; a
/// restart by whether the server has run for less time than has passed
/// since the signal left.
struct PowerInFlightTests {
    static let restart = PanelRequest(.post, "/api/client/servers/abc/power", body: .json(Data(#"{"signal":"restart"}"#.utf8)))

    static func resources(_ state: String, uptime: Int) -> PanelResponse {
        PanelResponse(status: 200, body: Data(#"{"object":"stats","attributes":{"current_state":"\#(state)","resources":{"uptime":\#(uptime)}}}"#.utf8))
    }

    @Test func aRestartIsDoneWhenTheServerStartedAfterItLeft() throws {
        let sent = Date(timeIntervalSince1970: 1_000)
        let check = try #require(WriteEffect.powerCheck(for: Self.restart, sentAt: sent, now: Date(timeIntervalSince1970: 1_030)))
        #expect(check.probe.summary == "GET /api/client/servers/abc/resources")
        // Up for 20 s of the 30 since it was sent: restarted.
        #expect(check.judge(Self.resources("running", uptime: 20_000)) == .done(answer: nil))
        // Up for an hour: the restart never arrived.
        #expect(check.judge(Self.resources("running", uptime: 3_600_000)) == .notDone)
        #expect(check.judge(Self.resources("starting", uptime: 0)) == .done(answer: nil))
        #expect(check.judge(PanelResponse(status: 500)) == .unknown)
    }

    @Test func aRestartWithoutItsSendTimeCannotBeJudged() {
        #expect(WriteEffect.powerCheck(for: Self.restart, sentAt: nil) == nil)
    }

    @Test func startStopAndKillAreJudgedByTheState() throws {
        func check(_ signal: String) throws -> WriteEffect {
            try #require(WriteEffect.powerCheck(for: PanelRequest(.post, "/api/client/servers/abc/power", body: .json(Data(#"{"signal":"\#(signal)"}"#.utf8))),
                                                sentAt: nil))
        }
        #expect(try check("start").judge(Self.resources("starting", uptime: 0)) == .done(answer: nil))
        #expect(try check("start").judge(Self.resources("offline", uptime: 0)) == .notDone)
        #expect(try check("stop").judge(Self.resources("offline", uptime: 0)) == .done(answer: nil))
        #expect(try check("kill").judge(Self.resources("running", uptime: 5)) == .notDone)
    }

    /// A probe the panel fails is asked again, and then stops the run: a
    /// failed look is no sign that the write did not arrive.
    @Test func aProbeThePanelKeepsFailingStopsTheRunWithoutSending() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        let suspend = PanelRequest(.post, "/api/application/servers/7/suspend")
        do {
            let journal = try Journal(path: path)
            try journal.begin(script: "/scripts/test.ptero", source: "test", arguments: [])
            _ = try? await WriteGate(settings: .init(), journal: journal, report: { _ in })
                .submit(suspend, at: InteractionPosition([1])) { _ in throw CancellationError() }
        }
        let journal = try Journal(path: path)
        try journal.begin(script: "/scripts/test.ptero", source: "test", arguments: [])
        let asked = Mutex<[String]>([])
        await #expect {
            _ = try await WriteGate(settings: .init(), journal: journal, report: { _ in }).submit(suspend, at: InteractionPosition([1])) { request in
                asked.withLock { $0.append(request.summary) }
                return PanelResponse(status: 500)
            }
        } throws: { error in
            (error as? JournalError)?.description.contains("answered 500 3 times; nothing more was sent") == true
        }
        #expect(asked.withLock { $0 } == Array(repeating: "GET /api/application/servers/7", count: 3))
    }
}
