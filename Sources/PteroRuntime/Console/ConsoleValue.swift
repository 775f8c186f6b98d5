import PteroKit
import PteroLang

/// `s.console`: `s.console.tail(50)` and `for line in s.console { ... }`
/// (each line as it is printed; the loop ends when none comes within the
/// timeout, 60 s unless `s.console(timeout: 300)` says otherwise).
final class ConsoleValue: HostValue {
    let server: Resource
    let console: ScriptConsole
    let settings: ScriptConsoleSettings
    /// The quiet spell that ends a `for` loop over the lines.
    let timeout: Duration

    init(server: Resource, console: ScriptConsole, settings: ScriptConsoleSettings, timeout: Duration? = nil) {
        self.server = server
        self.console = console
        self.settings = settings
        self.timeout = timeout ?? settings.defaultWait
    }

    var typeName: String { "Console" }
    var displayText: String { "<console of \(server.displayText)>" }
    var memberNames: [String] { ["tail"] }
    var helpText: String? {
        "console\n  Wings' websocket of the server\n  console.tail(n): the last n lines (send logs). for line in s.console(timeout: 60) { ... }: "
            + "each line as it is printed, until none comes within the timeout (or break)."
    }

    func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        guard name == "tail" else { return nil }
        return .host(BoundMethod(qualifiedName: "console.tail", help: "tail(lines: 50)\n  Wings' websocket: send logs\n  The last lines the console printed (Wings keeps 150).") { arguments, interpreter in
            try self.callMethod("tail", arguments: &arguments, interpreter: interpreter) ?? .null
        })
    }

    func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        guard name == "tail" else { return nil }
        let bound = try BoundArguments(arguments, callee: "console.tail", parameters: ["lines", "timeout"])
        var count = 50
        if let value = bound["lines"] {
            guard case .int(let lines) = value, (1...10_000).contains(lines) else {
                throw RuntimeError("console.tail(): 'lines' must be a whole number from 1 to 10000")
            }
            count = lines
        }
        let timeout = try ServerConsoleMembers.seconds(bound, callee: "console.tail") ?? settings.defaultTimeout
        return try ServerConsoleMembers.perform(ConsoleCall(kind: .tail(count), timeout: timeout, quiet: settings.quietPeriod),
                                                on: server, try ServerConsoleMembers.reach(server, "tail"))
    }

    /// `s.console(timeout: 300)`: the same console, with another timeout for a `for` loop.
    func call(arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        let bound = try BoundArguments(arguments, callee: "server.console", parameters: ["timeout"])
        return .host(ConsoleValue(server: server, console: console, settings: settings,
                                  timeout: try ServerConsoleMembers.seconds(bound, callee: "server.console")))
    }

    func makeIterator(interpreter: Interpreter) throws -> (any HostIterator)? {
        ConsoleLines(server: server, reached: try ServerConsoleMembers.reach(server, "console"),
                     call: ConsoleCall(kind: .nextLine, timeout: timeout, quiet: settings.quietPeriod))
    }
}

/// The lines of a console as a `for` loop reads them, one wait each. Each
/// line is a read in the journal, so a resumed run's loop sees the same
/// lines, in the same order, and ends where the first run's did, whatever
/// the script does with them.
final class ConsoleLines: HostIterator {
    let server: Resource
    let reached: ServerConsoleMembers.Reached
    let call: ConsoleCall

    init(server: Resource, reached: ServerConsoleMembers.Reached, call: ConsoleCall) {
        self.server = server
        self.reached = reached
        self.call = call
    }

    func next() throws -> Value? {
        // Ctrl-C ends a loop over the lines at once, not at the next line (a read listens for it).
        let line = try ServerConsoleMembers.perform(call, on: server, reached)
        if case .null = line { return nil }
        return line
    }
}
