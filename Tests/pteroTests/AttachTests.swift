import Foundation
import Testing

/// `attach(s)` in the REPL on a terminal: the live console shows what the
/// server prints, a typed line goes to it, Ctrl-] and Ctrl-D detach and
/// leave the REPL's own line editing working, a dry run sends nothing, and
/// no key or token is ever shown. Issue 15, "In the REPL, attach(s)".
struct AttachTests {
    /// Server 4 of seed 1 is running when the sim starts.
    static let attach = "attach(servers[4])\r"

    static func repl(_ sim: SimProcess, options: [String] = []) throws -> (PseudoTerminal, [String]) {
        let url = try #require(sim.url, "\(sim.banner)")
        let keys = [try #require(sim.applicationKey), try #require(sim.clientKey)]
        let home = try PteroBinary.temporaryFolder()
        let environment = ["PTERO_APP_KEY": keys[0], "PTERO_CLIENT_KEY": keys[1], "XDG_CONFIG_HOME": home.path,
                           "XDG_STATE_HOME": home.path, "TERM": "xterm", "PATH": "/usr/bin:/bin", "PTERO_PANEL": "pterodactyl-1"]
        let terminal = try PseudoTerminal(executable: PteroBinary.url, arguments: ["--url", url] + options, environment: environment)
        return (terminal, keys)
    }

    @Test func aTypedLineReachesTheServerAndCtrlBracketDetaches() throws {
        let sim = try SimProcess(arguments: ["--seed", "1", "--rate-limit", "off"])
        let (terminal, keys) = try Self.repl(sim)
        #expect(terminal.waitFor("ptero> ") != nil, "\(terminal.transcript)")
        terminal.waitUntilReadingKeys()
        terminal.type(Self.attach)
        let attached = terminal.waitFor("Ctrl-] or Ctrl-D detaches")
        #expect(attached != nil, "\(terminal.transcript)")
        terminal.type("say hello from the test\r")
        #expect(terminal.waitFor("[Server] hello from the test", after: attached ?? 0) != nil, "\(terminal.transcript)")
        terminal.type("\u{1D}")
        let back = terminal.waitFor("ptero> ", after: terminal.end)
        #expect(back != nil, "\(terminal.transcript)")
        terminal.waitUntilReadingKeys()
        terminal.type("print(40 + 2)\r")
        #expect(terminal.waitFor("42", after: back ?? 0) != nil, "the REPL reads lines again after the detach: \(terminal.transcript)")
        #expect(!keys.contains { terminal.transcript.contains($0) })
        #expect(!terminal.transcript.contains("eyJ"), "a websocket token (a JWT) was shown")
        withExtendedLifetime(sim) {}
    }

    @Test func ctrlDOnAnEmptyLineDetachesAndADryRunSendsNothing() throws {
        let sim = try SimProcess(arguments: ["--seed", "1", "--rate-limit", "off"])
        let (terminal, _) = try Self.repl(sim, options: ["--dry-run"])
        #expect(terminal.waitFor("ptero> ") != nil, "\(terminal.transcript)")
        terminal.waitUntilReadingKeys()
        terminal.type(Self.attach)
        let attached = terminal.waitFor("Ctrl-] or Ctrl-D detaches")
        #expect(attached != nil, "\(terminal.transcript)")
        terminal.type("say not sent\r")
        #expect(terminal.waitFor("would send to the console of Server#4", after: attached ?? 0) != nil, "\(terminal.transcript)")
        terminal.type("\u{04}")
        let back = terminal.waitFor("ptero> ", after: attached ?? 0)
        #expect(back != nil, "\(terminal.transcript)")
        #expect(!terminal.transcript.contains("[Server] not sent"), "a dry run sent the command: \(terminal.transcript)")
        withExtendedLifetime(sim) {}
    }

    /// Ctrl-C during `for line in s.console` ends the loop at once, not when
    /// the next line or the timeout comes (issue 15: "Ctrl-C during a console loop").
    @Test func ctrlCEndsAConsoleLoopAtOnce() throws {
        let sim = try SimProcess(arguments: ["--seed", "1", "--rate-limit", "off"])
        let (terminal, _) = try Self.repl(sim)
        #expect(terminal.waitFor("ptero> ") != nil, "\(terminal.transcript)")
        terminal.waitUntilReadingKeys()
        terminal.type("for line in servers[4].console(timeout: 300) { print(line) }\r")
        // The loop is listening once the command line has gone by and the socket is open.
        let started = terminal.waitFor("console(timeout: 300)")
        #expect(started != nil, "\(terminal.transcript)")
        Thread.sleep(forTimeInterval: 1)
        terminal.type("\u{03}")
        let stopped = Date()
        #expect(terminal.waitFor("ptero> ", after: started ?? 0, timeout: 10) != nil, "\(terminal.transcript)")
        #expect(Date().timeIntervalSince(stopped) < 5, "the loop went on after Ctrl-C")
        withExtendedLifetime(sim) {}
    }
}
