import Foundation
import PteroKit
import PteroLang

/// A server's console in the language: `s.console` (its `tail(n)`, and
/// `for line in s.console`), `s.stats()`, `s.wait_for(text)`,
/// `s.wait_state(state)` and `s.run(command, until:)`, over Wings'
/// websocket (`PteroKit.ConsoleConnection`). Pterodactyl 0.7 has no console
/// websocket: there each says so in one sentence (`DialectAbsence`).
enum ServerConsoleMembers {
    static let methods = ["stats", "wait_for", "wait_state", "run"]
    static let names = ["console"] + methods
    /// The power states Wings reports (wings environment/environment.go).
    static let states = ["offline", "starting", "running", "stopping"]

    /// The members a server has on `dialect`'s panel.
    static func names(in dialect: PanelDialect) -> [String] { hasConsole(dialect) ? names : [] }

    /// The console is reached through `GET /api/client/servers/{s}/websocket`.
    static func hasConsole(_ dialect: PanelDialect) -> Bool { dialect.table.endpoint("server.websocket") != nil }

    static let help: [String: String] = [
        "stats": "stats(timeout: 10)\n  Wings' websocket: send stats\n  One stats event as a map: memory_bytes, memory_limit_bytes, cpu_absolute, network, uptime, state, disk_bytes.",
        "wait_for": "wait_for(text, timeout: 60)\n  Wings' websocket: console output\n  Waits for a console line that contains text and returns it; a timeout is an error quoting the last lines.",
        "wait_state": "wait_state(state, timeout: 60)\n  Wings' websocket: status\n  Waits until the server is offline, starting, running or stopping (at once when it is).",
        "run": "run(command, until: text, timeout: 10)\n  Wings' websocket: send command\n  Sends a console command and returns the lines printed after it, up to the first containing until: "
            + "(without until:, until the console is quiet). A timeout is an error showing what was printed. A dry run prints the command and opens no socket. "
            + "On a query or list of servers: a bulk job whose report's .answers hold each server's {item, answer}.",
    ]

    /// `s.console`, or `s.stats` as a method value; nil for other names.
    static func member(_ name: String, of server: Resource) throws -> Value? {
        guard names.contains(name) else { return nil }
        let reached = try reach(server, name)
        if name == "console" { return .host(ConsoleValue(server: server, console: reached.console, settings: reached.settings)) }
        return .host(BoundMethod(qualifiedName: "server.\(name)", help: help[name] ?? name) { arguments, interpreter in
            try call(name, of: server, arguments: &arguments, interpreter: interpreter) ?? .null
        })
    }

    /// `s.stats()`, `s.wait_for(...)`, `s.wait_state(...)`, `s.run(...)`; nil for other names.
    static func call(_ name: String, of server: Resource, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        if name == "console", case .host(let value)? = try member(name, of: server) {
            return try value.call(arguments: &arguments, interpreter: interpreter)
        }
        guard methods.contains(name) else { return nil }
        let reached = try reach(server, name)
        let call = try consoleCall(name, arguments, callee: "\(server.kind.typeName.lowercased()).\(name)", settings: reached.settings)
        return try perform(call, on: server, reached)
    }

    /// The checked arguments of `name` (one of `methods`) as a console call.
    static func consoleCall(_ name: String, _ arguments: Arguments, callee: String, settings: ScriptConsoleSettings) throws -> ConsoleCall {
        switch name {
        case "stats":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["timeout"])
            return ConsoleCall(kind: .stats, timeout: try seconds(bound, callee: callee) ?? settings.defaultTimeout, quiet: settings.quietPeriod)
        case "wait_for":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["text", "timeout"], required: ["text"])
            let text = try nonEmpty(bound.string("text"), "text", callee: callee)
            return ConsoleCall(kind: .waitFor(text), timeout: try seconds(bound, callee: callee) ?? settings.defaultWait, quiet: settings.quietPeriod)
        case "wait_state":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["state", "timeout"], required: ["state"])
            let wanted = try nonEmpty(bound.string("state"), "state", callee: callee)
            guard states.contains(wanted) else {
                throw RuntimeError("\(callee)(): the state must be one of \(states.joined(separator: ", ")), not \(Value(wanted).literalText)")
            }
            return ConsoleCall(kind: .waitState(wanted), timeout: try seconds(bound, callee: callee) ?? settings.defaultWait, quiet: settings.quietPeriod)
        default:
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["command", "until", "timeout"], required: ["command"])
            let command = try nonEmpty(bound.string("command"), "command", callee: callee)
            let until = try bound.string("until")
            if until?.isEmpty == true { throw RuntimeError("\(callee)(): 'until' must not be empty") }
            return ConsoleCall(kind: .run(command: command, until: until), timeout: try seconds(bound, callee: callee) ?? settings.defaultTimeout,
                               quiet: settings.quietPeriod)
        }
    }

    /// Does `call` on one server's console: a dry run says what it would do
    /// and opens no socket; with a journal, the call is the script's next
    /// interaction (see `ConsoleJournal`).
    static func perform(_ call: ConsoleCall, on server: Resource, _ reached: Reached) throws -> Value {
        let session = reached.session
        if let planned = try plan(call, on: server, gate: session.gate) { return planned }
        let journal = session.journal
        let position = journal == nil ? nil : session.nextPosition()
        do {
            if let answer = try ConsoleJournal.settle(call, server: reached.identifier, at: position, journal: journal) {
                return try ConsoleCall.value(of: answer)
            }
        } catch let error as JournalError {
            throw PanelSession.uncatchable(error)
        } catch let error as ReplayedFailure {
            throw RuntimeError(error.description)
        }
        let console = reached.console, identifier = reached.identifier
        // A read (wait_for, tail, ...) ends at the first Ctrl-C; a command
        // in flight only at the second, so its outcome is journaled.
        let answer = try wait(session, listening: !call.isWrite) {
            try await ConsoleJournal.performLive(call, on: console, server: identifier, at: position, journal: journal)
        }
        return try ConsoleCall.value(of: answer)
    }

    /// A dry run's answer, after saying what the call would do; nil when it is
    /// to be done. A read-only profile refuses a command.
    static func plan(_ call: ConsoleCall, on server: Resource, gate: WriteGate) throws -> Value? {
        switch call.kind {
        case .run(let command, _):
            return try gate.planConsole(command, to: server.displayText) ? call.plannedAnswer : nil
        case .waitFor(let text) where gate.settings.dryRun:
            // A dry run's writes are not made, so what they would print never comes.
            gate.report("would wait for a console line of \(server.displayText) with \(Value(text).literalText) (not waited in a dry run)")
            return call.plannedAnswer
        case .waitState(let wanted) where gate.settings.dryRun:
            gate.report("would wait for \(server.displayText) to be \(wanted) (not waited in a dry run)")
            return call.plannedAnswer
        default:
            return nil
        }
    }

    /// What a console call needs of its server.
    struct Reached {
        let session: PanelSession
        let console: ScriptConsole
        let settings: ScriptConsoleSettings
        /// The server's short identifier, which the journal names it by.
        let identifier: String
    }

    /// The session, the server's console and the settings; or why not (0.7, no identifier, detached).
    static func reach(_ server: Resource, _ name: String) throws -> Reached {
        if let absence = DialectAbsence.lacks("a server's console (\(name))", in: server.dialect, plural: false, where: hasConsole) {
            throw absence
        }
        guard let session = server.session else { throw RuntimeError("\(server.displayText) is not connected to a panel") }
        guard case .string(let identifier)? = server.attributes.value(forName: "identifier") else {
            throw RuntimeError("\(server.displayText) has no identifier, so its console cannot be reached")
        }
        guard let settings = session.consoleSettings else { throw RuntimeError("this session has no console settings") }
        let client = session.client
        let text = server.displayText
        let console = session.consoles.console(identifier) {
            ScriptConsole(serverText: text) { ConsoleConnection(client: client, server: identifier, settings: settings.connection) }
        }
        return Reached(session: session, console: console, settings: settings, identifier: identifier)
    }

    /// Waits for console work; a console failure is a script error in its own words.
    static func wait<Result: Sendable>(_ session: PanelSession, listening: Bool = false,
                                       _ work: @escaping @Sendable () async throws -> Result) throws -> Result {
        do {
            return try session.wait(abandonedByInterruption: listening, work)
        } catch let error as ConsoleError {
            throw RuntimeError(error.message, details: [("status", Value(error.status.rawValue))])
        }
    }

    /// `timeout:` in seconds, checked: more than zero, at most a day.
    static func seconds(_ bound: BoundArguments, callee: String) throws -> Duration? {
        guard let value = bound["timeout"] else { return nil }
        let seconds: Double
        switch value {
        case .int(let whole): seconds = Double(whole)
        case .double(let fraction): seconds = fraction
        default: throw RuntimeError("\(callee)(): 'timeout' must be a number of seconds, not \(value.describedType)")
        }
        guard seconds.isFinite, seconds > 0, seconds <= ScriptConsoleSettings.longestTimeout else {
            throw RuntimeError("\(callee)(): 'timeout' must be more than 0 and at most \(Int(ScriptConsoleSettings.longestTimeout)) seconds")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    static func nonEmpty(_ text: String?, _ name: String, callee: String) throws -> String {
        guard let text, !text.isEmpty else { throw RuntimeError("\(callee)(): '\(name)' must not be empty") }
        return text
    }
}
