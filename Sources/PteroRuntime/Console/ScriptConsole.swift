import Foundation
import PteroKit
import PteroLang
import Synchronization

/// One server's console for scripts: a connection opened on first use and
/// kept for the next call (a new one when it has ended), and the last power
/// state it reported. Calls come from the interpreter's thread one at a
/// time, so the connection has one reader.
final class ScriptConsole: Sendable {
    /// `Server#3 "survival"`, for messages.
    let serverText: String
    private let make: @Sendable () -> ConsoleConnection
    private let state = Mutex<(connection: ConsoleConnection?, lastState: String?)>((nil, nil))
    /// Lines an error quotes of what the console printed.
    static let quotedLines = 10

    init(serverText: String, make: @escaping @Sendable () -> ConsoleConnection) {
        self.serverText = serverText
        self.make = make
    }

    /// The open connection (opened now if need be).
    func connection() async throws -> ConsoleConnection {
        let connection = state.withLock { state -> ConsoleConnection in
            if let kept = state.connection, !kept.hasEnded { return kept }
            let fresh = make()
            state.connection = fresh
            state.lastState = nil
            return fresh
        }
        try await connection.connect()
        return connection
    }

    func close() async {
        let connection = state.withLock { state -> ConsoleConnection? in
            defer { state.connection = nil }
            return state.connection
        }
        await connection?.close()
    }

    /// Whether a connection is kept open (a bulk job closes each when its server is done).
    var isOpen: Bool { state.withLock { $0.connection.map { !$0.hasEnded } ?? false } }

    private var lastState: String? { state.withLock { $0.lastState } }

    /// Keeps the power state an event reports (`status`, or a `stats` payload's `state`).
    private func note(_ event: ConsoleEvent) {
        switch event {
        case .status(let phase): state.withLock { $0.lastState = phase }
        case .stats(let stats) where !stats.state.isEmpty: state.withLock { $0.lastState = stats.state }
        default: break
        }
    }

    /// Notes and drops what is queued: lines printed before a call that wants its own.
    private func skipQueued(_ connection: ConsoleConnection) {
        for event in connection.takeQueued() { note(event) }
    }

    /// The next event before `deadline`; nil when it passes. Throws when the
    /// connection has ended (suspended, dropped for good, refused).
    private func next(_ connection: ConsoleConnection, before deadline: ContinuousClock.Instant) async throws -> ConsoleEvent? {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { return nil }
        guard let event = await connection.next(timeout: left) else {
            if connection.hasEnded { throw connection.failure ?? ConsoleError(.closed, "the console of \(serverText) was closed") }
            return nil
        }
        note(event)
        // A script's values are text for pipes, files and JSON: the game's
        // colour codes and any other escape sequence are taken out
        // (`attach` shows the colours, on a terminal only).
        if case .consoleOutput(let line) = event { return .consoleOutput(ConsoleText.plain(line)) }
        return event
    }

    /// `send logs`: the last `count` lines Wings keeps, once they stop coming.
    func tail(_ count: Int, timeout: Duration, quiet: Duration) async throws -> [String] {
        let connection = try await connection()
        skipQueued(connection)
        try await connection.requestLogs()
        return Array(try await collect(connection, timeout: timeout, quiet: quiet, call: "\(serverText).console.tail()").suffix(count))
    }

    /// Console lines until none came for `quiet` (or `timeout` in all passed).
    private func collect(_ connection: ConsoleConnection, timeout: Duration, quiet: Duration, call: String) async throws -> [String] {
        var lines: [String] = []
        let deadline = ContinuousClock.now + timeout
        while let event = try await next(connection, before: min(deadline, ContinuousClock.now + quiet)) {
            try Self.refuseIfThrottled(event, call)
            if case .consoleOutput(let line) = event { lines.append(line) }
        }
        return lines
    }

    /// Pelican's Wings drops an event sent too often and says `throttled`
    /// (pelican wings router/websocket/limiter.go): the call fails at once rather than wait for an answer that will not come.
    private static func refuseIfThrottled(_ event: ConsoleEvent, _ call: String) throws {
        if case .throttled(let what) = event {
            throw RuntimeError("\(call): Wings refused \(Value(what).literalText) for sending too often (throttled); wait a few seconds and try again")
        }
    }

    /// One `stats` event, asked for now.
    func stats(timeout: Duration) async throws -> ConsoleStats {
        let connection = try await connection()
        skipQueued(connection)
        try await connection.requestStats()
        let deadline = ContinuousClock.now + timeout
        while let event = try await next(connection, before: deadline) {
            try Self.refuseIfThrottled(event, "\(serverText).stats()")
            if case .stats(let stats) = event { return stats }
        }
        throw RuntimeError("\(serverText).stats(): Wings sent no stats within \(Self.seconds(timeout))")
    }

    /// The first line printed (since the console was opened or last read) that contains `pattern`.
    func waitFor(_ pattern: String, timeout: Duration) async throws -> String {
        let connection = try await connection()
        let deadline = ContinuousClock.now + timeout
        var recent: [String] = []
        while let event = try await next(connection, before: deadline) {
            guard case .consoleOutput(let line) = event else { continue }
            if line.contains(pattern) { return line }
            recent.append(line)
            if recent.count > Self.quotedLines { recent.removeFirst() }
        }
        throw RuntimeError("\(serverText).wait_for(\(Value(pattern).literalText)): no such line within \(Self.seconds(timeout))"
                           + Self.quoting(recent, what: "the last lines printed"))
    }

    /// Returns once the server is in `wanted` (at once when it already is).
    func waitState(_ wanted: String, timeout: Duration) async throws -> String {
        let connection = try await connection()
        skipQueued(connection)
        if lastState == wanted { return wanted }
        // A state not yet heard of (a socket opened before any status): the stats payload says it.
        if lastState == nil { try await connection.requestStats() }
        let deadline = ContinuousClock.now + timeout
        while try await next(connection, before: deadline) != nil {
            if lastState == wanted { return wanted }
        }
        throw RuntimeError("\(serverText).wait_state(\(Value(wanted).literalText)): still \(lastState ?? "unknown") after \(Self.seconds(timeout))")
    }

    /// Sends `command` and returns the lines printed after it: up to and
    /// including the first that contains `until`, else until the console is quiet.
    func run(_ command: String, until: String?, timeout: Duration, quiet: Duration) async throws -> [String] {
        let connection = try await connection()
        skipQueued(connection)
        try await connection.send(command: command)
        let call = "\(serverText).run(\(Value(command).literalText))"
        guard let until else { return try await collect(connection, timeout: timeout, quiet: quiet, call: call) }
        var lines: [String] = []
        let deadline = ContinuousClock.now + timeout
        while let event = try await next(connection, before: deadline) {
            try Self.refuseIfThrottled(event, call)
            guard case .consoleOutput(let line) = event else { continue }
            lines.append(line)
            if line.contains(until) { return lines }
        }
        // Wings drops a command to a server that is not running (router/websocket/websocket.go HandleInbound).
        let offline = lastState == "offline" ? " (the server is offline, and Wings drops commands then)" : ""
        throw RuntimeError("\(call): no line with \(Value(until).literalText) within \(Self.seconds(timeout))\(offline)"
                           + Self.quoting(Array(lines.suffix(Self.quotedLines)), what: lines.count > Self.quotedLines ? "the last lines printed" : "printed"))
    }

    /// The next console line within `timeout`; nil when none came.
    func nextLine(timeout: Duration) async throws -> String? {
        let connection = try await connection()
        let deadline = ContinuousClock.now + timeout
        while let event = try await next(connection, before: deadline) {
            if case .consoleOutput(let line) = event { return line }
        }
        return nil
    }

    static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    private static func quoting(_ lines: [String], what: String) -> String {
        lines.isEmpty ? "; nothing was printed" : "; \(what): " + lines.map { Value(VisibleText.escaping($0)).literalText }.joined(separator: ", ")
    }
}

/// The consoles a session has opened, one per server, closed with it.
final class ConsoleRegistry: Sendable {
    private let consoles = Mutex<[String: ScriptConsole]>([:])

    func console(_ identifier: String, make: () -> ScriptConsole) -> ScriptConsole {
        consoles.withLock { consoles in
            if let kept = consoles[identifier] { return kept }
            let console = make()
            consoles[identifier] = console
            return console
        }
    }

    /// Consoles with a connection open now.
    var openCount: Int { consoles.withLock { $0.values.filter(\.isOpen).count } }

    func closeAll() async {
        let all = consoles.withLock { consoles in
            defer { consoles.removeAll() }
            return Array(consoles.values)
        }
        for console in all { await console.close() }
    }
}
