import Foundation
import Testing

/// The REPL on a real (pseudo) terminal: libedit, history, multi-line
/// entries, completion and Ctrl-C, checked the way a person would see them.
@Suite(.serialized)
struct ReplTerminalTests {
    let home: URL
    let environment: [String: String]

    init() throws {
        home = try PteroBinary.temporaryFolder()
        environment = ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                       "TERM": "vt100", "PATH": "/usr/bin:/bin"]
    }

    var historyFile: URL { home.appendingPathComponent("state/ptero/history") }

    @Test func multiLineCompletionHistoryAndInterrupt() throws {
        let terminal = try PseudoTerminal(executable: PteroBinary.url, arguments: [], environment: environment)
        #expect(terminal.waitFor("ptero> "))

        var mark = terminal.end
        terminal.type("let answer_value = 41\r")
        #expect(terminal.waitFor("ptero> ", after: mark))

        // An unfinished block asks for more with the continuation prompt.
        mark = terminal.end
        terminal.type("for i in [1] {\r")
        #expect(terminal.waitFor("   ... ", after: mark))
        terminal.type("print(answer_value + i)\r")
        mark = terminal.end
        terminal.type("}\r")
        #expect(terminal.waitFor("42", after: mark))

        // Tab completes a global name, then the member of a map.
        mark = terminal.end
        terminal.type("answer_v\t\r")
        #expect(terminal.waitFor("41", after: mark))
        terminal.type("let settings = {memory_limit: 5}\r")
        mark = terminal.end
        terminal.type("settings.memory_l\t\r")
        #expect(terminal.waitFor("5\r\n", after: mark))

        // A line holding a key is never written to the history.
        terminal.type("let secret = \"ptla_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\"\r")

        // Ctrl-C stops a running loop and the prompt comes back (SIGINT
        // is unblocked even when the parent, like this test runner, blocks it).
        mark = terminal.end
        terminal.type("while true { }\r")
        Thread.sleep(forTimeInterval: 0.5)
        terminal.type("\u{3}")
        #expect(terminal.waitFor("interrupted", after: mark), "\(terminal.transcript)")
        mark = terminal.end
        terminal.type("print(\"still here\")\r")
        #expect(terminal.waitFor("still here", after: mark))

        // Ctrl-C at the prompt abandons the typed line.
        mark = terminal.end
        terminal.type("print(\"abandoned\")\u{3}")
        #expect(terminal.waitFor("ptero> ", after: mark))
        terminal.type("\u{4}")
        #expect(terminal.waitForExit())

        let history = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(history.contains("answer_value"))
        #expect(history.contains("print(answer_value"))
        #expect(!history.contains("ptla_"))
        #expect(!history.contains("abandoned"))

        // A new session recalls the last entry with the up arrow.
        let second = try PseudoTerminal(executable: PteroBinary.url, arguments: [], environment: environment)
        #expect(second.waitFor("ptero> "))
        mark = second.end
        second.type("let recalled = 7\r")
        #expect(second.waitFor("ptero> ", after: mark))
        mark = second.end
        second.type("\u{1b}[A\u{1b}[A\r")
        #expect(second.waitFor("ptero> ", after: mark))
        second.type("print(\"done\")\r\u{4}")
        #expect(second.waitForExit())
    }
}
