import Foundation
import Synchronization
import PteroKit
import PteroLang

/// A connected panel as the language sees it: the client, the write gate,
/// and a way for the (synchronous) interpreter to wait for async requests.
public final class PanelSession: @unchecked Sendable {
    public let client: PanelClient
    public let gate: WriteGate
    /// The panel software it talks to: which collections, sub-collections
    /// and methods the language offers (its `APITable`).
    public let dialect: PanelDialect
    /// Raised by Ctrl-C: bulk jobs start no new tasks once it is.
    public let interruption: InterruptFlag?
    /// Raised by a second Ctrl-C (or SIGTERM): a wait for the panel ends at
    /// once and the requests in flight are abandoned, never journaled.
    public let abandonment: InterruptFlag?
    /// Told how each bulk job advances (a progress line, a summary).
    public let progress: (@Sendable (BulkProgress) -> Void)?
    /// Objects fetched by path during one top-level statement (relations,
    /// `account`): a loop over a thousand servers on three nodes reads
    /// three nodes. Any write empties it.
    /// An NSLock, not a `Mutex`: the cache holds language values, which are
    /// not `Sendable` (they are used only by the thread holding the
    /// interpreter), and a `Mutex` will not hold what it cannot send.
    private let cache = NSLock()
    /// The interpreter and statement the cache belongs to.
    private var cachedEpoch: (interpreter: Int, statement: Int, sequence: Int)?
    private var cached: [String: Value] = [:]

    /// How `s.console`, `s.run(...)` and the other console calls reach
    /// Wings' websocket; nil when the host gave none (they say so).
    public let consoleSettings: ScriptConsoleSettings?
    /// The consoles the script has opened, one per server, kept between calls.
    let consoles = ConsoleRegistry()

    public init(client: PanelClient, gate: WriteGate, dialect: PanelDialect = .pterodactyl1, interruption: InterruptFlag? = nil,
                abandonment: InterruptFlag? = nil, progress: (@Sendable (BulkProgress) -> Void)? = nil,
                console: ScriptConsoleSettings? = nil) {
        self.consoleSettings = console
        self.client = client
        self.gate = gate
        self.dialect = dialect
        self.interruption = interruption
        self.abandonment = abandonment
        self.progress = progress
    }

    /// The interpreter whose script this session serves: it numbers the
    /// script's interactions (see `InteractionPosition`). Set by `PanelGlobals.install`.
    weak var interpreter: Interpreter?
    /// Numbers interactions when no interpreter is set (a host calling the
    /// session directly).
    private let ownSequence = Mutex(0)

    /// The position of the next interaction of the code running now.
    func nextPosition() -> InteractionPosition {
        if let interpreter { return interpreter.nextInteraction() }
        return InteractionPosition([ownSequence.withLock { $0 += 1; return $0 }])
    }

    var journal: Journal? { gate.journal }

    /// Closes the console sockets the script opened (at the end of a run).
    public func closeConsoles() {
        let consoles = self.consoles
        try? Blocking.wait { await consoles.closeAll() }
    }

    /// The endpoints of the panel it talks to.
    var table: APITable { dialect.table }

    /// Sends `request` as the gate wants it sent: the panel's answer as it
    /// came, judged by the gate after it is recorded. A write whose answer
    /// was lost after it may have reached the panel is not resent by the
    /// executor: the gate looks whether the panel did it (`WriteGate.deliver`).
    var sender: WriteGate.Send {
        let executor = client.executor
        return { try await executor.perform($0, resend: .onlyUndelivered) }
    }

    /// Runs panel work and waits for it. The interpreter runs on its own
    /// thread, never on the cooperative pool, so blocking it is safe.
    /// An interruption (Ctrl-C, SIGTERM) stops the script here, before
    /// its next request: a script of plain `s.suspend()` lines never calls
    /// back into the language, where the interpreter would notice it.
    /// A wait that only listens (a console read, whose lines may never come)
    /// is `abandonedByInterruption`: the first Ctrl-C ends it, where a
    /// request in flight is abandoned only by a second.
    public func wait<Result: Sendable>(abandonedByInterruption: Bool = false,
                                       _ work: @escaping @Sendable () async throws -> Result) throws -> Result {
        try stopIfInterrupted()
        do {
            return try Blocking.wait(abandonWhen: abandonedByInterruption ? (interruption ?? abandonment) : abandonment, work)
        } catch let error as PanelError {
            throw Self.runtimeError(error)
        } catch let error as TransportError {
            throw RuntimeError(error.message)
        } catch let error as WriteRefused {
            throw RuntimeError(error.description)
        } catch let error as ReplayedFailure {
            throw RuntimeError(error.description)
        } catch let error as JournalError {
            throw Self.uncatchable(error)
        }
    }

    /// A journal's refusal as a script error no `try` catches: a script must
    /// not carry on writing with nothing recorded, nor past a journal it
    /// does not agree with.
    static func uncatchable(_ error: JournalError) -> RuntimeError {
        var failure = RuntimeError(error.description)
        failure.isCatchable = false
        return failure
    }

    /// The panel's refusal as a script error: one line with the first
    /// detail, every field error under the caret, and `status`, `errors`
    /// for a `catch` to look at.
    static func runtimeError(_ error: PanelError) -> RuntimeError {
        let entries = error.details.map { detail -> Value in
            .map(MapObject([("code", Value(detail.code)), ("detail", Value(detail.detail)),
                            ("field", detail.sourceField.map(Value.init) ?? .null),
                            ("rule", detail.rule.map(Value.init) ?? .null)]))
        }
        var notes = error.fullDescription.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        if error.details.count == 1 && error.fieldErrors.isEmpty { notes = [] }
        return RuntimeError(error.description,
                            details: [("status", .int(error.status)), ("method", Value(error.method.rawValue)),
                                      ("path", Value(error.path)), ("errors", Value(entries))],
                            notes: notes)
    }

    /// Throws `Interrupted` once Ctrl-C (or SIGTERM, SIGHUP) has come.
    public func stopIfInterrupted() throws {
        if interruption?.isRaised == true { throw Interrupted() }
    }

    /// Sends a write through the gate (dry run, read-only, journal).
    @discardableResult
    public func write(_ request: PanelRequest) throws -> WriteGate.Outcome {
        try stopIfInterrupted()
        cache.withLock { cached.removeAll() }
        let gate = self.gate, send = sender
        let position = journal == nil ? nil : nextPosition()
        return try wait { try await gate.submit(request, at: position, send: send) }
    }

    /// Sends a write; the panel's answer as values, nil when none came back
    /// (a dry run, a read-only skip, a 204).
    public func writeAnswer(_ request: PanelRequest) throws -> Value? {
        guard let response = try write(request).answer, !response.body.isEmpty else { return nil }
        return try? Self.value(of: response)
    }

    /// Sends a write; the object the panel answered with (as it now has it),
    /// else null. `collection` is where that object is listed.
    ///
    /// A write answers one object or nothing (no body, or Laravel's `[]` of
    /// `new JsonResponse([], 202)`, panel: app/Http/Controllers/Api/Client/
    /// Servers/ScheduleController.php `execute`). Anything else (a list, an
    /// HTML page from a proxy) is an error naming the endpoint, not a value
    /// the script would act on: a list turned into objects would make the
    /// next method call a bulk job over it.
    public func writeReturningObject(_ request: PanelRequest, collection: String? = nil) throws -> Value {
        guard let response = try write(request).answer, !response.body.isEmpty else { return .null }
        let accepted = "the panel accepted the write (\(response.status))"
        guard let answer = try? Self.value(of: response) else {
            throw RuntimeError("\(request.summary) answered something that is not JSON where one object was expected; \(accepted)")
        }
        switch answer {
        case .list(let list) where list.items.isEmpty: return .null
        case .map(let map) where map.count == 0: return .null
        default: break
        }
        guard case .map(let body) = answer, case .string(let object)? = body.value(forName: "object"), object != "list",
              let value = Resource.fromEnvelope(answer, session: self, collection: collection) else {
            throw RuntimeError("\(request.summary) answered \(AnswerShape.describe(answer)) where one object was expected; \(accepted)")
        }
        return value
    }

    /// Asks before a destructive action; a refusal is a script error.
    /// Ctrl-C while the question waits stops the script (exit 130), as it
    /// would anywhere else, rather than reading as a "no".
    public func confirm(_ description: String) throws {
        let position = journal == nil ? nil : nextPosition()
        do {
            try gate.confirmDestructive(description, at: position)
        } catch let error as JournalError {
            throw Self.uncatchable(error)
        } catch {
            try stopIfInterrupted()
            throw RuntimeError("\(error)")
        }
    }

    /// GETs `request` and parses the body into ordered language values.
    public func read(_ request: PanelRequest) throws -> Value {
        try Self.value(of: try answer(request))
    }

    /// The panel's answer to the GET `request`, the script's interaction at
    /// the next position: from the journal when it holds it, else asked
    /// (through `fetch` when the answer is already on its way) and recorded.
    func answer(_ request: PanelRequest, fetch: (@Sendable () async throws -> PanelResponse)? = nil) throws -> PanelResponse {
        guard let journal else {
            let client = self.client
            return try wait { try await (fetch ?? { try await client.send(request) })() }
        }
        let position = nextPosition()
        let summary = request.summary
        do {
            if let body = try journal.recordedRead(at: position, request: summary) {
                return PanelResponse(status: 200, body: body)
            }
        } catch {
            throw Self.uncatchable(error)
        }
        let client = self.client
        let response = try wait { try await (fetch ?? { try await client.send(request) })() }
        do {
            try journal.recordRead(at: position, request: summary, status: response.status, body: response.body)
        } catch {
            throw Self.uncatchable(error)
        }
        return response
    }

    /// Like `read`, but at most once per path in one top-level statement.
    func readOncePerStatement(_ path: String, interpreter: Interpreter) throws -> Value {
        // Per sequence too: the turns of a `parallel for` read in an order
        // that differs between runs, so one must not be served another's.
        let epoch = (interpreter: interpreter.serial, statement: interpreter.statementEpoch, sequence: interpreter.interactionSequence)
        let hit: Value? = cache.withLock {
            if cachedEpoch.map({ $0 != epoch }) ?? true {
                cachedEpoch = epoch
                cached.removeAll()
            }
            return cached[path]
        }
        if let hit { return hit }
        let value = try read(PanelRequest(.get, path))
        cache.withLock { if cachedEpoch.map({ $0 == epoch }) ?? false { cached[path] = value } }
        return value
    }

    /// GETs a text answer (a file's contents) as it is.
    public func readText(_ request: PanelRequest) throws -> String {
        String(decoding: try answer(request).body, as: UTF8.self)
    }

    /// A JSON answer as ordered language values.
    static func value(of response: PanelResponse) throws -> Value {
        try Value.parsingJSON(utf8: response.body)
    }
}

extension WriteGate.Outcome {
    /// The panel's answer, sent now or replayed; nil for a dry run's plan.
    var answer: PanelResponse? {
        switch self {
        case .sent(let response), .replayed(let response): response
        case .planned: nil
        }
    }
}

/// Builtins whose answer the script does not fix (`now()`, `env()`, ...)
/// are journaled like panel reads, so a resumed run sees what the first saw.
extension PanelSession: InteractionRecorder {
    public func answer(_ question: String, at position: InteractionPosition, live: () throws -> Value) throws -> Value {
        guard let journal, !Self.mayBeSecret(question) else { return try live() }
        do {
            if let recorded = try journal.recordedAnswer(at: position, question: question, kind: .answer),
               let value = recorded.value?.value {
                return value
            }
            let value = try live()
            var record = JournalRecord(.answer, at: position)
            record.question = question
            record.value = RecordedValue(value)
            if record.value != nil { try journal.recordAnswer(record) }
            return value
        } catch let error as JournalError {
            throw Self.uncatchable(error)
        }
    }

    /// `env("PTERO_APP_KEY")`, `env("DISCORD_TOKEN")`: a variable whose name
    /// says it holds a secret is read live on every run and never journaled.
    static func mayBeSecret(_ question: String) -> Bool {
        guard question.hasPrefix("env(") else { return false }
        let name = question.uppercased()
        return ["KEY", "TOKEN", "SECRET", "PASS", "AUTH", "CREDENTIAL"].contains { name.contains($0) }
    }
}
