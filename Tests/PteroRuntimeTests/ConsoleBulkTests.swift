import Foundation
import PteroKit
import PteroLang
import Synchronization
import Testing
@testable import PteroRuntime
@testable import PteroSim

/// `servers.run(...)` and its kin as bulk jobs against the simulated node:
/// a report of each server's answer or error, sockets bounded by the
/// executor's concurrency, a dry run that opens none.
struct ConsoleBulkTests {
    /// A harness whose first `running` plain servers run (on a manual
    /// clock, so nothing changes while the test runs) and whose next plain
    /// server is offline; the ids of both groups.
    static func start(running: Int, gate: WriteGate.Settings = yes, journal: Journal? = nil) async throws -> (PanelHarness, [Int], Int) {
        let harness = try await PanelHarness(servers: running + 6, gate: gate, journal: journal) {
            $0.timing = .fast
            $0.clock = .manual()
        }
        let now = harness.panel.store.options.clock.now()
        let (up, down) = harness.panel.store.withState { state -> ([Int], Int) in
            let plain = state.sortedValues(state.servers).filter { $0.status == nil }
            for server in plain.prefix(running) {
                state.servers[server.id]?.power = PowerState()
                state.servers[server.id]?.power.phase = .running
                state.servers[server.id]?.power.runningSince = now
            }
            let offline = plain[running]
            state.servers[offline.id]?.power = PowerState()
            return (plain.prefix(running).map(\.id), offline.id)
        }
        return (harness, up, down)
    }

    /// `--yes`: a job of more than 10 commands asks first.
    static let yes: WriteGate.Settings = {
        var settings = WriteGate.Settings()
        settings.assumeYes = true
        return settings
    }()

    @Test func aQueryRunsTheCommandOnEachServerAndAnOfflineOneIsItsFailure() async throws {
        let (harness, up, down) = try await Self.start(running: 3)
        let ids = (up + [down]).map(String.init).joined(separator: ", ")
        let output = try await harness.run("""
            let report = (servers where id in [\(ids)]).run("save-all", until: "Saved the game", timeout: 3)  # the offline one waits it out; a loaded machine can be slow
            print(report)
            print(len(report.ok), len(report.failed), len(report.answers))
            print(report.answers[0].item.id, report.answers[0].answer)
            print(report.failed[0].item.id)
            let list = (servers where id in [\(ids)]).list.take(2).run("list", until: "players online")
            print(list.answers.map(fn(a) => len(a.answer)))
            """)
        #expect(output.count == 9, "\(output)")
        guard output.count == 9 else { await harness.stop(); return }
        #expect(output[0] == "run: 3 ok, 1 failed")
        for (line, id) in zip(output[1...3], up) {
            #expect(line.hasPrefix("  Server#\(id) "), "\(line)")
            #expect(line.hasSuffix(": [Server thread/INFO]: Saved the game (2 lines)"), "\(line)")
        }
        #expect(output[4].hasPrefix("  Server#\(down) "))
        #expect(output[4].hasSuffix("(the server is offline, and Wings drops commands then); nothing was printed"))
        #expect(output[5] == "3 1 3")
        #expect(output[6] == #"\#(up[0]) ["[Server thread/INFO]: Saving the game (this may take a moment!)", "[Server thread/INFO]: Saved the game"]"#)
        #expect(output[7] == "\(down)")
        #expect(output[8] == "[1, 1]")
        let commands = harness.panel.store.withState { $0.stats.consoleCommands }
        #expect(commands.values.reduce(0, +) == 5, "\(commands)")
        await harness.session.consoles.closeAll()
        await harness.stop()
    }

    /// 20 servers with the executor's default concurrency (8): never more
    /// sockets open at once than that, and every one closed at the end.
    @Test func socketsAreBoundedByTheExecutorsConcurrency() async throws {
        let (harness, up, _) = try await Self.start(running: 20)
        let width = harness.session.client.executor.settings.concurrency
        let output = try await harness.run("""
            let report = (servers where id in [\(up.map(String.init).joined(separator: ", "))]).run("list", until: "players online")
            print(len(report.ok), len(report.failed))
            print(report.answers.map(fn(a) => len(a.answer)).sum())
            """)
        #expect(output == ["20 0", "20"])
        let stats = harness.panel.store.withState { $0.stats }
        #expect(stats.socketsOpened == 20)
        #expect(stats.mostOpenSockets <= width, "\(stats.mostOpenSockets) sockets at once, the executor runs \(width)")
        #expect(stats.mostOpenSockets > 1, "the job ran one server at a time")
        #expect(harness.session.consoles.openCount == 0)
        await harness.stop()
    }

    @Test func aDryRunPrintsEachCommandAndOpensNoSocket() async throws {
        var gate = Self.yes
        gate.dryRun = true
        let (harness, up, down) = try await Self.start(running: 2, gate: gate)
        let ids = (up + [down]).map(String.init).joined(separator: ", ")
        let output = try await harness.run("""
            let report = (servers where id in [\(ids)]).run("save-all", until: "Saved")
            print(report)
            print((servers where id in [\(ids)]).wait_state("running").answers.map(fn(a) => a.answer))
            """)
        #expect(output.first == "run: 3 planned (dry run), 0 failed")
        #expect(output.last == #"["running", "running", "running"]"#)
        let planned = harness.gateLines.withLock { $0 }
        #expect(planned.filter { $0.hasPrefix("would send to the console of Server#") && $0.hasSuffix(": save-all") }.count == 3)
        #expect(planned.filter { $0.hasSuffix(" to be running (not waited in a dry run)") }.count == 3)
        #expect(!harness.requests.contains { $0.path.hasSuffix("/websocket") })
        #expect(harness.panel.store.withState { $0.stats.socketsOpened } == 0)
        await harness.stop()
    }

    @Test func waitStateAndStatsRunOnEachServerToo() async throws {
        let (harness, up, _) = try await Self.start(running: 3)
        let ids = up.map(String.init).joined(separator: ", ")
        let output = try await harness.run("""
            print((servers where id in [\(ids)]).wait_state("running", timeout: 5).answers.map(fn(a) => a.answer))
            print((servers where id in [\(ids)]).stats().answers.map(fn(a) => a.answer.state))
            """)
        #expect(output == [#"["running", "running", "running"]"#, #"["running", "running", "running"]"#])
        await harness.stop()
    }

    /// A run with a journal, then the same script on a fresh panel with that
    /// journal: every console call (a bulk command, a single command, the
    /// reads) is answered from it, with no socket and no command sent.
    @Test func aResumedRunAnswersConsoleCallsFromTheJournal() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("console-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.journal").path
        func code(_ ids: [Int]) -> String {
            """
            let list = servers.list.filter(fn(s) => s.id in [\(ids.map(String.init).joined(separator: ", "))])
            print(list.run("save-all", until: "Saved the game").answers.map(fn(a) => a.answer))
            let s = list[0]
            print(s.run("say again", until: "again"), s.stats().state, s.wait_state("running"), s.console.tail(1))
            """
        }
        func run() async throws -> (output: [String], commands: Int, sockets: Int, ids: [Int]) {
            let journal = try Journal(path: path)
            let (harness, up, _) = try await Self.start(running: 2, journal: journal)
            try journal.begin(script: "console.ptero", source: code(up), arguments: [])
            let output = try await harness.run(code(up))
            await harness.session.consoles.closeAll()
            let stats = harness.panel.store.withState { $0.stats }
            await harness.stop()
            return (output, stats.consoleCommands.values.reduce(0, +), stats.socketsOpened, up)
        }
        let first = try await run()
        #expect(first.commands == 3)
        #expect(first.sockets >= 2)
        let again = try await run()
        #expect(again.ids == first.ids, "the seed gave other servers")
        #expect(again.output == first.output)
        #expect(again.commands == 0)
        #expect(again.sockets == 0)
    }

    /// A `for line in s.console` loop whose lines decide what the script
    /// does next: a resumed run reads the same lines from the journal (no
    /// socket), so it takes the same branch and sends nothing again.
    @Test func aResumedRunReadsTheConsoleLoopsLinesFromTheJournal() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("console-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.journal").path
        func code(_ id: Int) -> String {
            """
            let s = servers[\(id)]
            s.run("save-all", until: "Saving the game")
            let seen = []
            for line in s.console(timeout: 3) {
                seen.push(line)
                if "Saved the game" in line {
                    s.run("say saw it", until: "saw it")
                    break
                }
            }
            print(seen)
            """
        }
        func run() async throws -> (output: [String], commands: Int, sockets: Int, id: Int) {
            let journal = try Journal(path: path)
            let (harness, up, _) = try await Self.start(running: 1, journal: journal)
            try journal.begin(script: "lines.ptero", source: code(up[0]), arguments: [])
            let output = try await harness.run(code(up[0]))
            await harness.session.consoles.closeAll()
            let stats = harness.panel.store.withState { $0.stats }
            await harness.stop()
            return (output, stats.consoleCommands.values.reduce(0, +), stats.socketsOpened, up[0])
        }
        let first = try await run()
        #expect(first.output == [#"["[Server thread/INFO]: Saved the game"]"#])
        #expect(first.commands == 2, "the loop did not see the line it branches on")
        let again = try await run()
        #expect(again.id == first.id, "the seed gave another server")
        #expect(again.output == first.output)
        #expect(again.commands == 0)
        #expect(again.sockets == 0, "the resumed loop read its lines from a socket, not the journal")
    }

    /// Ctrl-C (the flag its handler raises) once 3 servers answered: no new
    /// server is started, those in flight finish, the progress line counts
    /// the rest as not started, and the script stops.
    @Test func ctrlCStartsNoMoreServers() async throws {
        let (harness, up, _) = try await Self.start(running: 40)
        let flag = InterruptFlag()
        let last = Mutex<BulkProgress?>(nil)
        let session = PanelSession(client: harness.session.client, gate: harness.session.gate, interruption: flag,
                                   progress: { progress in
                                       if progress.done >= 3 { flag.raise() }
                                       last.withLock { $0 = progress }
                                   }, console: harness.session.consoleSettings)
        let code = "(servers where id in [\(up.map(String.init).joined(separator: ", "))]).run(\"list\", until: \"players online\")"
        let failure: (any Error)? = await withCheckedContinuation { continuation in
            let thread = Thread {
                let interpreter = Interpreter(output: { _ in })
                PanelGlobals.install(into: interpreter, session: session)
                do {
                    _ = try interpreter.run(Source(name: "test.ptero", text: code))
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: error)
                }
            }
            thread.stackSize = 64 << 20
            thread.start()
        }
        #expect(failure != nil, "the script went on after Ctrl-C")
        let progress = try #require(last.withLock { $0 })
        let width = session.client.executor.settings.concurrency
        let commands = harness.panel.store.withState { $0.stats.consoleCommands.values.reduce(0, +) }
        #expect(commands >= 3 && commands <= 3 + width, "\(commands) commands sent after Ctrl-C at 3")
        #expect(progress.skipped == 40 - commands, "\(progress.line)")
        #expect(progress.line.contains("not started (interrupted)"), "\(progress.line)")
        await session.consoles.closeAll()
        await harness.stop()
    }
}
