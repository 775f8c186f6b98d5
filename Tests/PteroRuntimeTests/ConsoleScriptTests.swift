import Foundation
import PteroKit
import Testing
@testable import PteroRuntime
@testable import PteroSim

/// The console in the language (`s.console`, `s.stats()`, `s.wait_for`,
/// `s.wait_state`, `s.run`) against the simulated node's websocket. The sim
/// keeps its own clock with fast timings (a start takes 50 ms); every wait
/// has a timeout, and none is waited out by a passing test except where the
/// quiet spell is the point.
struct ConsoleScriptTests {
    /// A harness with fast power timings and one plain offline server; its id.
    static func start(gate: WriteGate.Settings = WriteGate.Settings(), dialect: PanelDialect = .pterodactyl1,
                      flavor: ConsoleOptions.Flavor = .pterodactyl, runningOnAManualClock: Bool = false) async throws -> (PanelHarness, Int, String) {
        let harness = try await PanelHarness(servers: 6, gate: gate, dialect: dialect) {
            $0.timing = .fast
            $0.console.flavor = flavor
            if runningOnAManualClock { $0.clock = .manual() }
        }
        let now = harness.panel.store.options.clock.now()
        let (id, uuid) = harness.panel.store.withState { state -> (Int, String) in
            let server = state.sortedValues(state.servers).first { $0.status == nil }!
            state.servers[server.id]?.power = PowerState()
            if runningOnAManualClock {
                state.servers[server.id]?.power.phase = .running
                state.servers[server.id]?.power.runningSince = now
            }
            return (server.id, server.uuid)
        }
        return (harness, id, uuid)
    }

    @Test func startWaitRunTailAndStats() async throws {
        let (harness, id, _) = try await Self.start()
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            print(s.wait_state("offline"))
            s.power("start")
            print(s.wait_for("Done (", timeout: 10))
            print(s.wait_state("running", timeout: 10))
            print(s.run("save-off", until: "Automatic saving is now disabled"))
            print(s.run("say hi"))
            print(s.console.tail(2))
            let stats = s.stats()
            print(stats.state, stats.memory_limit_bytes > 0, stats.keys())
            try { s.run("list", until: "never printed", timeout: 0.5) } catch e { print(e.message) }
            """)
        #expect(output.count == 8)
        guard output.count == 8 else { await harness.stop(); return }
        #expect(output[0] == "offline")
        #expect(output[1] == EggConsole.doneLine)
        #expect(output[2] == "running")
        #expect(output[3] == #"["[Server thread/INFO]: Automatic saving is now disabled"]"#)
        #expect(output[4] == #"["[Server thread/INFO]: [Server] hi"]"#)
        #expect(output[5] == #"["[Server thread/INFO]: Automatic saving is now disabled", "[Server thread/INFO]: [Server] hi"]"#)
        #expect(output[6] == #"running true ["memory_bytes", "memory_limit_bytes", "cpu_absolute", "network", "uptime", "state", "disk_bytes"]"#)
        #expect(output[7].hasSuffix(#".run("list"): no line with "never printed" within 0.5 s; printed: "[Server thread/INFO]: There are 0 of a max of 20 players online: ""#))
        // One socket for the whole script, one token.
        #expect(harness.requests.filter { $0.path.hasSuffix("/websocket") }.count == 1)
        await harness.session.consoles.closeAll()
        await harness.stop()
    }

    /// The game's colour codes (and any other escape sequence) never reach a
    /// script's values: they would go on into pipes, files and JSON.
    @Test func consoleLinesReachTheScriptWithoutEscapeSequences() async throws {
        let (harness, id, _) = try await Self.start(runningOnAManualClock: true)
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            let lines = s.run("say \u{1B}[31mred\u{1B}[0m and \u{1B}]0;title\u{07}plain", until: "plain")
            print(json(lines))
            """)
        #expect(output == [#"["[Server thread/INFO]: [Server] red and plain"]"#], "\(output)")
        await harness.session.consoles.closeAll()
        await harness.stop()
    }

    @Test func forLineInTheConsoleEndsWhenItGoesQuiet() async throws {
        let (harness, id, _) = try await Self.start()
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            s.wait_state("offline")
            s.power("start")
            for line in s.console(timeout: 10) {
                if "Done (" in line {
                    print("done")
                    break
                }
            }
            let count = 0
            for line in s.console(timeout: 0.3) { count += 1 }
            print("quiet after", count)
            """)
        #expect(output == ["done", "quiet after 0"])
        await harness.session.consoles.closeAll()
        await harness.stop()
    }

    @Test func aDryRunPrintsTheCommandAndOpensNoSocket() async throws {
        var gate = WriteGate.Settings()
        gate.dryRun = true
        let (harness, id, uuid) = try await Self.start(gate: gate)
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            print(s.run("save-off", until: "Automatic saving is now disabled"))
            print(s.wait_for("Done (", timeout: 300), s.wait_state("running", timeout: 300))
            """)
        #expect(output == ["[]", "null running"])
        let planned = harness.gateLines.withLock { $0 }
        #expect(planned.count == 3)
        #expect(planned.dropFirst().first?.hasSuffix(#" with "Done (" (not waited in a dry run)"#) == true)
        #expect(planned.last?.hasSuffix(" to be running (not waited in a dry run)") == true)
        #expect(planned.first?.hasPrefix("would send to the console of Server#\(id) ") == true)
        #expect(planned.first?.hasSuffix(": save-off") == true)
        #expect(!harness.requests.contains { $0.path.hasSuffix("/websocket") })
        #expect(harness.panel.console.openSockets(serverUuid: uuid) == 0)
        await harness.stop()
    }

    @Test func aReadOnlyProfileSendsNoConsoleCommand() async throws {
        var gate = WriteGate.Settings()
        gate.readOnly = true
        let (harness, id, _) = try await Self.start(gate: gate)
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            try { s.run("stop") } catch e { print(e.message) }
            """)
        #expect(output.count == 1)
        #expect(output.first?.hasSuffix("refused: the profile is read-only") == true)
        #expect(!harness.requests.contains { $0.path.hasSuffix("/websocket") })
        await harness.stop()
    }

    @Test func zeroSevenHasNoConsoleInOneSentence() async throws {
        let (harness, _, _) = try await Self.start(dialect: .pterodactyl07)
        let output = try await harness.run("""
            let s = servers.first
            try { s.console.tail(5) } catch e { print(e.message) }
            try { s.run("list") } catch e { print(e.message) }
            """)
        #expect(output == [
            "a server's console (console) is not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have it",
            "a server's console (run) is not in Pterodactyl 0.7's API; Pterodactyl 1.x and Pelican have it",
        ])
        #expect(!harness.requests.contains { $0.path.hasSuffix("/websocket") })
        await harness.stop()
    }

    @Test func badArgumentsAreRefusedBeforeASocketOpens() async throws {
        let (harness, id, _) = try await Self.start()
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            try { s.wait_state("jumping") } catch e { print(e.message) }
            try { s.wait_for("x", timeout: -1) } catch e { print(e.message) }
            try { s.run("") } catch e { print(e.message) }
            try { s.console.tail(0) } catch e { print(e.message) }
            """)
        #expect(output == [
            #"server.wait_state(): the state must be one of offline, starting, running, stopping, not "jumping""#,
            "server.wait_for(): 'timeout' must be more than 0 and at most 86400 seconds",
            "server.run(): 'command' must not be empty",
            "console.tail(): 'lines' must be a whole number from 1 to 10000",
        ])
        #expect(!harness.requests.contains { $0.path.hasSuffix("/websocket") })
        await harness.stop()
    }

    @Test func aCommandToAnOfflineServerTimesOutSayingWhy() async throws {
        let (harness, id, _) = try await Self.start()
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            s.wait_state("offline")
            try { s.run("list", until: "players", timeout: 0.3) } catch e { print(e.message) }
            """)
        #expect(output.count == 1)
        #expect(output.first?.hasSuffix(#".run("list"): no line with "players" within 0.3 s (the server is offline, and Wings drops commands then); nothing was printed"#) == true)
        await harness.session.consoles.closeAll()
        await harness.stop()
    }

    @Test func pelicansThrottleFailsTheCallAtOnce() async throws {
        // A manual clock: Pelican's buckets do not refill while the test runs.
        let (harness, id, _) = try await Self.start(flavor: .pelican, runningOnAManualClock: true)
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            s.wait_state("running", timeout: 10)
            let sent = 0
            try {
                for i in 1...20 {
                    s.run("say {i}", until: "] {i}")
                    sent += 1
                }
            } catch e { print(sent, e.message) }
            """)
        // Pelican lets 10 frames a socket through at once (auth and stats count too), then 5 a
        // second, and 10 commands, then 1 a second (router_server_ws.go, limiter.go).
        #expect(output.count == 1)
        let sent = Int(output.first?.split(separator: " ").first ?? "") ?? 0
        #expect((5...10).contains(sent), "\(output)")
        #expect(output.first?.contains(#".run("say \#(sent + 1)"): Wings refused "#) == true, "\(output)")
        #expect(output.first?.hasSuffix(#" for sending too often (throttled); wait a few seconds and try again"#) == true, "\(output)")
        await harness.session.consoles.closeAll()
        await harness.stop()
    }

    @Test func helpDescribesTheConsoleCalls() async throws {
        let (harness, id, _) = try await Self.start()
        let output = try await harness.run("""
            let s = (servers where id == \(id)).first
            help(s.run)
            help(s.console.tail)
            print(s.console)
            """)
        #expect(output.first == "run(command, until: text, timeout: 10)")
        #expect(output.contains("tail(lines: 50)"))
        #expect(output.last?.hasPrefix("<console of Server#\(id) ") == true)
        #expect(!harness.requests.contains { $0.path.hasSuffix("/websocket") })
        await harness.stop()
    }
}
