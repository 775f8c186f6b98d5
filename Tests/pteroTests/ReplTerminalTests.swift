import Foundation
import Testing

/// The REPL on a real (pseudo) terminal: libedit, history, multi-line
/// entries, completion and Ctrl-C, checked the way a person would see them.
///
/// Keys are typed only once the prompt they answer is on screen, as a
/// person would: keys typed between two prompts reach the terminal while it
/// is in cooked mode, where Ctrl-C and Ctrl-D mean something else.
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
        #expect(terminal.waitFor("ptero> ") != nil, "\(terminal.transcript)")

        #expect(terminal.enter("let answer_value = 41"), "\(terminal.transcript)")

        // An unfinished block asks for more with the continuation prompt.
        #expect(terminal.enter("for i in [1] {", prompt: "   ... "), "\(terminal.transcript)")
        #expect(terminal.enter("print(answer_value + i)", prompt: "   ... "), "\(terminal.transcript)")
        #expect(terminal.enter("}", expecting: "42\r\n"), "\(terminal.transcript)")

        // Tab completes a global name, then the member of a map.
        #expect(terminal.enter("answer_v\t", expecting: "41\r\n"), "\(terminal.transcript)")
        #expect(terminal.enter("let settings = {memory_limit: 5}"), "\(terminal.transcript)")
        #expect(terminal.enter("settings.memory_l\t", expecting: "5\r\n"), "\(terminal.transcript)")

        // A line holding a key is never written to the history.
        #expect(terminal.enter("let secret = \"ptla_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\""))
        // Nor is a line that passes a password.
        #expect(terminal.enter("let login = {password: \"hunter2-pass\"}"))

        // Ctrl-C stops a running loop and the prompt comes back (SIGINT
        // is unblocked even when the parent, like this test runner, blocks it).
        var mark = terminal.end
        terminal.waitUntilReadingKeys()
        terminal.type("while true { }\r")
        #expect(terminal.waitFor("while true { }\r\n", after: mark) != nil, "\(terminal.transcript)")
        Thread.sleep(forTimeInterval: 0.3)
        mark = terminal.end
        terminal.type("\u{3}")
        let interrupted = terminal.waitFor("interrupted", after: mark)
        #expect(interrupted.flatMap { terminal.waitFor("ptero> ", after: $0) } != nil, "\(terminal.transcript)")
        #expect(terminal.enter("print(\"still here\")", expecting: "still here\r\n"), "\(terminal.transcript)")

        // Ctrl-C at the prompt abandons the typed line.
        mark = terminal.end
        terminal.waitUntilReadingKeys()
        terminal.type("print(\"abandoned\")")
        #expect(terminal.waitFor("abandoned\")", after: mark) != nil, "\(terminal.transcript)")
        mark = terminal.end
        terminal.type("\u{3}")
        let abandoned = terminal.waitFor("^C\r\n", after: mark)
        #expect(abandoned.flatMap { terminal.waitFor("ptero> ", after: $0) } != nil, "\(terminal.transcript)")
        terminal.waitUntilReadingKeys()
        terminal.type("\u{4}")
        #expect(terminal.waitForExit(), "\(terminal.transcript)")

        let history = try String(contentsOf: historyFile, encoding: .utf8)
        #expect(history.contains("answer_value"))
        #expect(history.contains("print(answer_value"))
        #expect(!history.contains("ptla_"))
        #expect(!history.contains("hunter2-pass"))
        #expect(!history.contains("abandoned"))

        // A new session recalls the entry before last with two up arrows.
        let second = try PseudoTerminal(executable: PteroBinary.url, arguments: [], environment: environment)
        #expect(second.waitFor("ptero> ") != nil, "\(second.transcript)")
        #expect(second.enter("let recalled = 7"), "\(second.transcript)")
        #expect(second.enter("\u{1b}[A\u{1b}[A", expecting: "still here\r\n"), "\(second.transcript)")
        second.waitUntilReadingKeys()
        second.type("\u{4}")
        #expect(second.waitForExit(), "\(second.transcript)")
    }
}

extension PseudoTerminal {
    /// Types `line` and Enter, then waits for `expecting` (if given) and
    /// after it the next `prompt`.
    func enter(_ line: String, expecting output: String? = nil, prompt: String = "ptero> ") -> Bool {
        let mark = end
        waitUntilReadingKeys()
        type(line + "\r")
        guard let afterOutput = output.map({ waitFor($0, after: mark) }) ?? mark else { return false }
        return waitFor(prompt, after: afterOutput) != nil
    }
}
