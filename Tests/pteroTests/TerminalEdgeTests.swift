import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The terminal as a person leaves it: typed non-ASCII reaches the line
/// whatever the locale, and a secret prompt never leaves echo off.
@Suite(.serialized)
struct TerminalEdgeTests {
    let home: URL

    init() throws {
        home = try PteroBinary.temporaryFolder()
    }

    /// In the C locale (nothing called setlocale) libedit dropped `é`.
    @Test(arguments: [["LC_ALL": "C"], ["LANG": "C.UTF-8"], [:]])
    func typedNonASCIIArrivesWhole(locale: [String: String]) throws {
        var environment = ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                           "TERM": "vt100", "PATH": "/usr/bin:/bin"]
        environment.merge(locale) { _, new in new }
        let terminal = try PseudoTerminal(executable: PteroBinary.url, arguments: [], environment: environment)
        #expect(terminal.waitFor("ptero> ") != nil, "\(terminal.transcript)")
        #expect(terminal.enter("print(\"café 服\", len(\"café\"))", expecting: "café 服 4\r\n"), "\(terminal.transcript)")
        terminal.waitUntilReadingKeys()
        terminal.type("\u{4}")
        #expect(terminal.waitForExit(), "\(terminal.transcript)")
    }

    /// SIGTERM at the prompt ends the REPL with 130 and nothing else:
    /// libedit's handler forwarded it to the whole process group, so the
    /// shell that started ptero died with it.
    @Test func sigtermAtThePromptEndsTheREPLAndOnlyIt() throws {
        // A panel URL no other process has tells this ptero apart (the REPL
        // does not connect before it is asked something).
        let marker = "http://127.0.0.1:9/unique-\(UUID().uuidString)"
        let terminal = try PseudoTerminal(executable: URL(fileURLWithPath: "/bin/sh"),
                                          arguments: ["-c", "\"$0\" repl --url \"$1\"; echo \"shell saw $?\"; sleep 5", PteroBinary.url.path, marker],
                                          environment: ["HOME": home.path, "TERM": "vt100", "PATH": "/usr/bin:/bin",
                                                        "XDG_CONFIG_HOME": home.path, "XDG_STATE_HOME": home.path,
                                                        "PTERO_APP_KEY": "ptla_" + String(repeating: "a", count: 43)])
        #expect(terminal.waitFor("ptero> ") != nil, "\(terminal.transcript)")
        terminal.waitUntilReadingKeys()
        let pid = try #require(Self.process(withArgument: marker), "no ptero with \(marker)")
        kill(pid, SIGTERM)
        #expect(terminal.waitFor("shell saw 130") != nil, "\(terminal.transcript)")
    }

    /// Before, Ctrl-C at "delete Server#1? [y/N]" read as "no": a script
    /// error (exit 1) instead of an interruption (130).
    @Test func ctrlCAtAConfirmationQuestionInterrupts() throws {
        let rig = try ExampleRig()
        var environment = rig.environment
        environment.merge(["HOME": home.path, "TERM": "vt100", "PATH": "/usr/bin:/bin"]) { _, new in new }
        let terminal = try PseudoTerminal(executable: PteroBinary.url, arguments: ["--url", rig.url, "-e", "servers[1].delete()"],
                                          environment: environment)
        #expect(terminal.waitFor("? [y/N] ") != nil, "\(terminal.transcript)")
        terminal.type("\u{3}")
        // (setsid hides the exit status; the message tells 130 from 1.)
        #expect(terminal.waitFor("interrupted") != nil, "\(terminal.transcript)")
        #expect(!terminal.transcript.contains("not confirmed"))
        #expect(try rig.acceptedWrites() == 0)
    }

    /// The process whose command line holds `argument`, from /proc.
    static func process(withArgument argument: String) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if words.contains(argument) && words.contains("repl") && !words.contains("-c") { return pid }
        }
        return nil
    }

    /// Before, Ctrl-C at the key prompt ended ptero with echo still off.
    @Test func ctrlCAtTheKeyPromptRestoresEcho() throws {
        let terminal = try PseudoTerminal(executable: PteroBinary.url, arguments: ["login", "--url", "https://panel.example.com"],
                                          environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "TERM": "vt100", "PATH": "/usr/bin:/bin"])
        #expect(terminal.waitFor("Application key") != nil, "\(terminal.transcript)")
        #expect(terminal.waitUntilEchoIs(on: false), "echo was never turned off: \(terminal.transcript)")
        terminal.type("\u{3}")
        #expect(terminal.waitForExit(), "\(terminal.transcript)")
        #expect(terminal.echoIsOn, "\(terminal.transcript)")
    }
}

extension PseudoTerminal {
    var echoIsOn: Bool {
        var settings = termios()
        return tcgetattr(masterDescriptor, &settings) == 0 && settings.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Waits (bounded) until the program has set echo as asked.
    func waitUntilEchoIs(on wanted: Bool, timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if echoIsOn == wanted { return true }
            waitFor("\u{0}", after: end, timeout: 0.05)
        }
        return false
    }
}
