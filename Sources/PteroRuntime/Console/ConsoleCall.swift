import Foundation
import PteroKit
import PteroLang

/// One call on a server's console, its arguments checked: what `s.run`,
/// `s.wait_for`, `s.wait_state`, `s.stats` and `s.console.tail` ask, for one
/// server or for each server of a bulk job. Its answer is JSON (`answer`),
/// the same bytes whether it came from the socket or from the journal, so a
/// resumed run sees exactly what the first run saw.
struct ConsoleCall: Sendable {
    enum Kind: Sendable {
        case run(command: String, until: String?)
        case waitFor(String)
        case waitState(String)
        case stats
        case tail(Int)
        /// The next line of a `for line in s.console` loop; null when none came in time.
        case nextLine
    }

    let kind: Kind
    let timeout: Duration
    /// How long a console is quiet before `run` without `until:` and `tail` stop collecting.
    let quiet: Duration

    /// A console command changes the server: the journal keeps it as a
    /// write (an intent before it is sent, the lines after). The others only
    /// read what the console says.
    var isWrite: Bool {
        if case .run = kind { true } else { false }
    }

    /// The method's name, for progress lines and reports.
    var name: String {
        switch kind {
        case .run: "run"
        case .waitFor: "wait_for"
        case .waitState: "wait_state"
        case .stats: "stats"
        case .tail: "console.tail"
        case .nextLine: "console"
        }
    }

    /// What the journal calls this call on the server `identifier`
    /// (`console 1a2b3c4d run save-all`): it tells one interaction from
    /// another when a run is resumed, and `ptero journal` shows it.
    func journalText(server identifier: String) -> String {
        let what: String = switch kind {
        case .run(let command, let until): "run " + VisibleText.escaping(command) + (until.map { " until " + VisibleText.escaping($0) } ?? "")
        case .waitFor(let text): "wait_for " + VisibleText.escaping(text)
        case .waitState(let state): "wait_state " + state
        case .stats: "stats"
        case .tail(let count): "tail \(count)"
        case .nextLine: "line"
        }
        return "console \(identifier) \(what)"
    }

    /// Asks the console over its socket; the answer as JSON bytes.
    func perform(on console: ScriptConsole) async throws -> Data {
        let answer: OrderedJSON
        switch kind {
        case .run(let command, let until):
            answer = .array(try await console.run(command, until: until, timeout: timeout, quiet: quiet).map(OrderedJSON.string))
        case .waitFor(let text):
            answer = .string(try await console.waitFor(text, timeout: timeout))
        case .waitState(let state):
            answer = .string(try await console.waitState(state, timeout: timeout))
        case .stats:
            let stats = try await console.stats(timeout: timeout)
            answer = .object([
                ("memory_bytes", .int(stats.memoryBytes)), ("memory_limit_bytes", .int(stats.memoryLimitBytes)),
                ("cpu_absolute", .double(stats.cpuAbsolute.isFinite ? stats.cpuAbsolute : 0)),
                ("network", .object([("rx_bytes", .int(stats.networkReceivedBytes)), ("tx_bytes", .int(stats.networkSentBytes))])),
                ("uptime", .int(stats.uptime)), ("state", .string(stats.state)), ("disk_bytes", .int(stats.diskBytes)),
            ])
        case .tail(let count):
            answer = .array(try await console.tail(count, timeout: timeout, quiet: quiet).map(OrderedJSON.string))
        case .nextLine:
            answer = try await console.nextLine(timeout: timeout).map(OrderedJSON.string) ?? .null
        }
        return try answer.encoded()
    }

    /// What a dry run answers without a socket: no lines for `run`, the
    /// wanted state for `wait_state`, null for the others.
    var plannedAnswer: Value {
        switch kind {
        case .run: Value([Value]())
        case .waitState(let state): Value(state)
        default: .null
        }
    }

    /// The language's value of an answer.
    static func value(of answer: Data) throws -> Value {
        try Value.parsingJSON(utf8: answer)
    }
}

/// Console calls in the journal (see `Journal`). A console command is a
/// write: its intent is flushed before the command leaves and the lines it
/// printed recorded after; a resumed run answers it from the journal and
/// does not send it again. One in flight at a kill is never resent
/// silently: no read can tell whether the game ran it, so the resumed run
/// stops (exit status 4) and asks for `ptero journal FILE --accept/--retry`,
/// as for a reinstall. The other calls are reads, recorded with what they
/// returned and replayed without opening a socket.
enum ConsoleJournal {
    /// The journal's answer for `call` at `position`, or nil when it is to be
    /// asked live. Throws when the journal holds another interaction there,
    /// when the first run's call failed (the same error again), or when the
    /// command was in flight at the kill.
    static func settle(_ call: ConsoleCall, server identifier: String, at position: InteractionPosition?,
                       journal: Journal?) throws -> Data? {
        guard let journal, let position else { return nil }
        let request = call.journalText(server: identifier)
        guard call.isWrite else { return try journal.recordedRead(at: position, request: request) }
        switch try journal.write(at: position, request: request, sent: "") {
        case .live, .retry:
            return nil
        case .answered(let response):
            guard response.isSuccess else { throw ReplayedFailure(description: "\(request): answered \(response.status)") }
            return response.body
        case .unanswered(let reason):
            throw ReplayedFailure(description: reason)
        case .accepted:
            // Taken as done by `ptero journal --accept`: what it printed is not known.
            return Data("[]".utf8)
        case .inFlight:
            journal.markNeedsDecision()
            let file = TerminalText.visible(journal.path)
            throw JournalError("the journal \(file) holds a console command that was in flight when its run stopped: \(TerminalText.visible(request)) (step \(position)). "
                               + "No read of the panel shows whether the game ran it, and sending it again could run it twice, so nothing more was sent. "
                               + "Look at the server's console, then either `ptero journal \(file) --accept \(position)` (it ran) "
                               + "or `ptero journal \(file) --retry \(position)` (send it again), and run the script again")
        }
    }

    /// Asks the console and journals the answer at `position`: for a
    /// command, the intent before it is sent and the lines or the failure after.
    static func performLive(_ call: ConsoleCall, on console: ScriptConsole, server identifier: String,
                            at position: InteractionPosition?, journal: Journal?) async throws -> Data {
        guard let journal, let position else { return try await call.perform(on: console) }
        let request = call.journalText(server: identifier)
        guard call.isWrite else {
            let answer = try await call.perform(on: console)
            try journal.recordRead(at: position, request: request, status: 200, body: answer)
            return answer
        }
        try journal.recordIntent(at: position, request: request, sent: "")
        let answer: Data
        do {
            answer = try await call.perform(on: console)
        } catch {
            // Abandoned by a second Ctrl-C: left in flight, decided on resume.
            if !Task.isCancelled, !(error is CancellationError), !(error is JournalError) {
                try journal.recordUnanswered(at: position, reason: message(of: error))
            }
            throw error
        }
        try journal.recordOutcome(at: position, status: 200, body: answer)
        return answer
    }

    /// An error's text for a report or the journal.
    static func message(of error: any Error) -> String {
        switch error {
        case let failure as RuntimeError: failure.message
        case let failure as ConsoleError: failure.message
        case let failure as PanelError: failure.description
        default: "\(error)"
        }
    }
}
