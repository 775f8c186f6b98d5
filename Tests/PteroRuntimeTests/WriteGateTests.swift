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

    @Test func aRerunWithTheJournalSkipsWhatWasDone() async throws {
        let path = temporaryPath()
        let first = Recorder()
        do {
            let gate = WriteGate(settings: .init(), journal: try Journal(path: path), report: first.print)
            _ = try await gate.submit(Self.suspend, send: first.send)
            _ = try await gate.submit(Self.rename, send: first.send)
            // The same write twice is two writes: the rerun must redo the second.
            _ = try await gate.submit(Self.rename, send: first.send)
        }
        // The first run "died" here; the rerun repeats the whole script plus one more write.
        let second = Recorder()
        let gate = WriteGate(settings: .init(), journal: try Journal(path: path), report: second.print)
        var outcomes: [String] = []
        for request in [Self.suspend, Self.rename, Self.rename, Self.rename] {
            switch try await gate.submit(request, send: second.send) {
            case .alreadyDone: outcomes.append("skipped")
            case .sent: outcomes.append("sent")
            case .planned: outcomes.append("planned")
            }
        }
        #expect(outcomes == ["skipped", "skipped", "skipped", "sent"])
        #expect(second.sent.withLock { $0 } == ["PATCH /api/application/servers/7/details"])
        #expect(gate.summary?.hasPrefix("3 writes already done by an earlier run") == true)
    }

    @Test func aTornLastLineAndFailedWritesAreNotCountedAsDone() async throws {
        let path = temporaryPath()
        do {
            let journal = try Journal(path: path)
            let gate = WriteGate(settings: .init(), journal: journal, report: { _ in })
            _ = try await gate.submit(Self.suspend) { _ in PanelResponse(status: 204) }
            _ = try await gate.submit(Self.rename) { _ in PanelResponse(status: 422) }
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("abc".utf8))
        try handle.close()

        do {
            let journal = try Journal(path: path)
            #expect(journal.completedBefore == 1)
            #expect(try journal.wasCompleted(Self.suspend).done)
            let claim = try journal.wasCompleted(Self.rename)
            #expect(!claim.done)
            try journal.record(Self.rename, key: claim.key, status: 200)
        }
        // The record after the torn line is whole.
        #expect(try Journal(path: path).completedBefore == 2)
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
