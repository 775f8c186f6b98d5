import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PteroKit
import PteroLang
import PteroRuntime

/// `attach(s)` in the REPL: the server's live console on the terminal.
/// Lines are shown as they come (colours kept on a terminal, every other
/// escape sequence dropped: the game's text never drives the terminal);
/// what is typed goes to the server when Enter is pressed. Ctrl-] or
/// Ctrl-D on an empty line detaches, as does Ctrl-C (which also stops the
/// entry). The terminal is put back as it was on every way out.
enum Attach {
    static let help = "attach(server) shows the server's live console and sends what you type to it; Ctrl-] or Ctrl-D detaches (REPL only)"

    static var function: NativeFunction {
        NativeFunction("attach", help: help) { arguments, interpreter in
            try arguments.expect(1...1)
            guard StandardStreams.inputIsTerminal else {
                throw RuntimeError("attach() needs a terminal to type at; in a script, use s.run(...) and s.console")
            }
            let attachment = try ConsoleAttachment.open(arguments[0])
            var session = AttachedConsole(attachment: attachment, interruption: interpreter.interruption,
                                          colours: StandardStreams.outputIsTerminal && !interpreter.printsJSON)
            try session.run()
            return .null
        }
    }
}

/// One attach: the line being typed, the terminal's saved mode, the loop.
struct AttachedConsole {
    let attachment: ConsoleAttachment
    let interruption: InterruptFlag
    /// Colour sequences pass only to a terminal, never to a pipe or JSON output.
    let colours: Bool
    /// Bytes typed since the last Enter.
    private var typed: [UInt8] = []
    /// Skipping the rest of an escape sequence a key sent (arrows, F-keys).
    private var inEscape = false
    private var afterEscapeIntroducer = false

    static let prompt = "> "
    /// How long one look at the keyboard waits before the console's lines are shown.
    static let pollMilliseconds: Int32 = 50
    static let detachKey: UInt8 = 0x1D
    static let endOfInput: UInt8 = 0x04

    init(attachment: ConsoleAttachment, interruption: InterruptFlag, colours: Bool) {
        self.attachment = attachment
        self.interruption = interruption
        self.colours = colours
    }

    mutating func run() throws {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw RuntimeError("attach() cannot set up the terminal") }
        var raw = saved
        // Keys one at a time, not echoed; Ctrl-C still interrupts (ISIG stays).
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { throw RuntimeError("attach() cannot set up the terminal") }
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            StandardStreams.write("\r\u{1B}[K")
            StandardStreams.flush()
        }
        StandardStreams.write("attached to the console of \(attachment.serverText): Enter sends a line, Ctrl-] or Ctrl-D detaches\n")
        let connection = attachment.connection
        try? Blocking.wait { try await connection.requestLogs() }
        redraw()
        while true {
            try check()
            show(connection.takeQueued())
            if connection.hasEnded {
                let reason = connection.failure.map { ": \($0.message)" } ?? ""
                clearInput()
                StandardStreams.write("the console closed\(reason)\n")
                return
            }
            var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, Self.pollMilliseconds)
            guard ready > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count <= 0 { return }
            for byte in buffer[0..<count] {
                if try !take(byte) { return }
            }
        }
    }

    /// Ctrl-C (or SIGTERM) stops the attach and the entry.
    private func check() throws {
        if interruption.isRaised { throw Interrupted() }
    }

    /// Handles one typed byte; false when it detaches.
    private mutating func take(_ byte: UInt8) throws -> Bool {
        if inEscape {
            if afterEscapeIntroducer {
                afterEscapeIntroducer = false
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "O") { return true }
                inEscape = false
                return true
            }
            if (0x40...0x7E).contains(byte) { inEscape = false }
            return true
        }
        switch byte {
        case Self.detachKey:
            return false
        case Self.endOfInput where typed.isEmpty:
            return false
        case 0x0D, 0x0A:
            let line = String(decoding: typed, as: UTF8.self)
            typed = []
            clearInput()
            if !line.trimmingCharacters(in: .whitespaces).isEmpty { try send(line) }
            redraw()
        case 0x7F, 0x08:
            // One character back: its continuation bytes too.
            while let last = typed.popLast(), last & 0xC0 == 0x80 {}
            redraw()
        case 0x15:
            typed = []
            redraw()
        case 0x1B:
            inEscape = true
            afterEscapeIntroducer = true
        case _ where byte < 0x20:
            break
        default:
            typed.append(byte)
            redraw()
        }
        return true
    }

    private func send(_ line: String) throws {
        StandardStreams.write(Self.prompt + ConsoleText.plain(line) + "\n")
        let attachment = self.attachment
        do {
            _ = try Blocking.wait { try await attachment.send(line) }
        } catch let refused as WriteRefused {
            StandardStreams.write("\(refused.description)\n")
        } catch let error as ConsoleError {
            StandardStreams.write("not sent: \(error.message)\n")
        }
    }

    /// The console's news above the line being typed.
    private func show(_ events: [ConsoleEvent]) {
        let lines = events.compactMap(Self.text)
        guard !lines.isEmpty else { return }
        clearInput()
        for line in lines {
            StandardStreams.write((colours ? ConsoleText.forTerminal(line) : ConsoleText.plain(line)) + "\n")
        }
        redraw()
    }

    /// What an event shows on the attached console; nil for the protocol's own.
    static func text(_ event: ConsoleEvent) -> String? {
        switch event {
        case .consoleOutput(let line), .installOutput(let line), .transferLogs(let line): line
        case .status(let state): "[the server is \(state)]"
        case .daemonMessage(let message): "[Wings: \(message)]"
        case .daemonError(let message): "[Wings error: \(message)]"
        case .installStarted: "[install started]"
        case .installCompleted: "[install completed]"
        case .backupCompleted: "[backup completed]"
        case .backupRestoreCompleted: "[backup restored]"
        case .deleted: "[the server was deleted]"
        case .throttled(let what): "[Wings throttled \(what)]"
        case .reconnected: "[reconnected]"
        default: nil
        }
    }

    private func clearInput() {
        StandardStreams.write("\r\u{1B}[K")
    }

    private func redraw() {
        clearInput()
        StandardStreams.write(Self.prompt + ConsoleText.plain(String(decoding: typed, as: UTF8.self)))
        StandardStreams.flush()
    }
}
