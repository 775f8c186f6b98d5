import Foundation
import Synchronization
import PteroKit
import PteroLang

/// The one place every write to the panel passes: dry runs, read-only
/// profiles, confirmation of destructive actions, and the journal.
public final class WriteGate: Sendable {
    /// What happened to a write.
    public enum Outcome: Sendable {
        case sent(PanelResponse)
        /// Dry run: printed, not sent.
        case planned
        /// Answered from the journal: an earlier run sent it (or a resumed
        /// run found it done on the panel), and the script gets that answer.
        case replayed(PanelResponse)
    }

    public struct Settings: Sendable {
        public var dryRun = false
        public var readOnly = false
        /// Destructive writes proceed without asking (`--yes`, or no terminal to ask on).
        public var assumeYes = false
        public init() {}
    }

    /// Sends a request for real and gives back the panel's answer as it
    /// came (a 4xx too): the gate records it before judging it.
    public typealias Send = @Sendable (PanelRequest) async throws -> PanelResponse

    public let settings: Settings
    public let journal: Journal?
    /// Where dry-run lines go.
    let report: @Sendable (String) -> Void
    /// Asks the person at the terminal; nil when nobody can be asked.
    let confirm: (@Sendable (String) -> Bool)?
    private let plannedCount = Mutex(0)

    public init(settings: Settings, journal: Journal? = nil, report: @escaping @Sendable (String) -> Void,
                confirm: (@Sendable (String) -> Bool)? = nil) {
        self.settings = settings
        self.journal = journal
        self.report = report
        self.confirm = confirm
    }

    public var planned: Int { plannedCount.withLock { $0 } }

    /// Asks once before a destructive action or a bulk job; throws when
    /// the answer is no. Dry runs and `--yes` never ask. An answer given at
    /// the terminal is journaled at `position`, so a resumed run does not
    /// ask again what was answered.
    /// A dry run says where the real run would ask, since that run may
    /// have no terminal and then needs `--yes`.
    public func confirmDestructive(_ description: String, at position: InteractionPosition? = nil) throws {
        if let journal, let position,
           let recorded = try journal.recordedAnswer(at: position, question: description, kind: .confirm) {
            guard recorded.yes == true else { throw WriteRefused("\(description): not confirmed") }
            return
        }
        if settings.dryRun && !settings.assumeYes {
            report("would ask first: \(description)? (a run without a terminal needs --yes)")
        }
        guard !settings.dryRun, !settings.assumeYes else { return }
        guard let confirm else {
            throw WriteRefused("\(description) needs confirmation; run with --yes to do it without asking")
        }
        let yes = confirm(description)
        if let journal, let position {
            var record = JournalRecord(.confirm, at: position)
            record.question = description
            record.yes = yes
            try journal.recordAnswer(record)
        }
        guard yes else { throw WriteRefused("\(description): not confirmed") }
    }

    /// Passes `request`, the script's interaction at `position`, through the
    /// gate; `send` performs it for real.
    public func submit(_ request: PanelRequest, at position: InteractionPosition? = nil, send: Send) async throws -> Outcome {
        try refuseIfReadOnly(request)
        if let early = try await settle(request, at: position, send: send) { return early }
        return try await sendLive(request, at: position, send: send)
    }

    /// A console command (`s.run`) as the gate sees it: refused on a
    /// read-only profile; on a dry run printed and counted, and true (it is
    /// not to be sent, and no socket is opened). Journaled by `ConsoleJournal`.
    public func planConsole(_ command: String, to server: String) throws(WriteRefused) -> Bool {
        if settings.readOnly {
            throw WriteRefused("the console command \(VisibleText.escaping(command)) to \(server) refused: the profile is read-only")
        }
        guard settings.dryRun else { return false }
        plannedCount.withLock { $0 += 1 }
        report("would send to the console of \(server): \(VisibleText.escaping(command))")
        return true
    }

    /// A read-only profile sends no write at all.
    func refuseIfReadOnly(_ request: PanelRequest) throws(WriteRefused) {
        if settings.readOnly {
            throw WriteRefused("\(request.summary) refused: the profile is read-only")
        }
    }

    /// What the journal answers for the write at `position`, without
    /// sending it: nil when it is to be sent now. A write left in flight by
    /// a kill is judged here by looking at the panel (see `WriteEffect`).
    /// A bulk job settles all its items this way before it sends any.
    func settle(_ request: PanelRequest, at position: InteractionPosition?, send: Send) async throws -> Outcome? {
        guard let journal, let position else { return nil }
        switch try journal.write(at: position, request: request.summary, sent: Self.sentText(request.body)) {
        case .live, .retry:
            return nil
        case .answered(let response):
            guard response.isSuccess else { throw PanelError(request: request, response: response) }
            return .replayed(response)
        case .unanswered(let reason):
            throw ReplayedFailure(description: reason)
        case .accepted:
            return .replayed(PanelResponse(status: 204))
        case .inFlight(let sentAt):
            return try await settleInFlight(request, at: position, sentAt: sentAt, journal: journal, send: send)
        }
    }

    /// The write at `position` was sent by an earlier run that died before
    /// its answer was recorded. Never repeated blindly, never dropped: done
    /// when the panel shows its effect; sent when the panel shows it is not
    /// done, or when sending twice does no harm; else the run stops and
    /// says how to decide.
    private func settleInFlight(_ request: PanelRequest, at position: InteractionPosition, sentAt: Date?, journal: Journal,
                                send: Send) async throws -> Outcome? {
        if settings.dryRun {
            plannedCount.withLock { $0 += 1 }
            report("would first look at the panel for \(request.summary), in flight when the journal's run stopped (step \(position))")
            return .planned
        }
        let context = "step \(position), in flight when the journal's run stopped"
        switch try await Self.judge(request, sentAt: sentAt, context: context, send: send) {
        case .done(let answer):
            try journal.recordOutcome(at: position, status: answer.status, body: answer.body, found: true)
            return .replayed(answer)
        case .send:
            return nil
        case .undecided:
            break
        }
        journal.markNeedsDecision()
        let file = TerminalText.visible(journal.path)
        throw JournalError("the journal \(file) holds a write that was in flight when its run stopped: \(request.summary) (step \(position)). "
                           + "The panel does not show whether it took effect, and sending it again could do it twice, so nothing more was sent. "
                           + "Look at the panel, then either `ptero journal \(file) --accept \(position)` (it took effect) "
                           + "or `ptero journal \(file) --retry \(position)` (send it again), and run the script again")
    }

    /// How often a probe that the panel fails (a 5xx, a 429, no answer) is
    /// asked again before the run stops: a failed look is not a sign that
    /// the write did not arrive, so it is never read as one.
    static let probeAttempts = 3

    /// What a look at the panel decides about a write whose answer never
    /// came: it is done (with the answer it would have had, as the panel
    /// shows the object now), it may be sent (the panel shows it is not
    /// done, or sending twice does no harm), or nobody can tell.
    enum Judgement {
        case done(PanelResponse)
        case send
        case undecided
    }

    /// Judges `request`, sent at `sentAt` with no answer, by the effect the
    /// panel shows (see `WriteEffect`); `context` says in an error which
    /// write it is.
    static func judge(_ request: PanelRequest, sentAt: Date?, context: String, send: Send) async throws -> Judgement {
        if let check = WriteEffect.powerCheck(for: request, sentAt: sentAt) ?? WriteEffect.check(for: request) {
            let probe = try await Self.probe(check.probe, for: request, context: context, send: send)
            switch check.judge(probe) {
            case .done(let answer):
                return .done(PanelResponse(status: answer == nil ? 204 : 200, body: answer ?? Data()))
            case .notDone:
                return .send
            case .unknown:
                break
            }
        }
        return WriteEffect.isIdempotentByNature(request) ? .send : .undecided
    }

    /// The panel's answer to `probe`; stops the run (uncatchable, nothing
    /// sent) when the panel cannot answer it.
    private static func probe(_ probe: PanelRequest, for request: PanelRequest, context: String,
                              send: Send) async throws -> PanelResponse {
        var failure = ""
        for _ in 0..<probeAttempts {
            do {
                let response = try await send(probe)
                if response.status < 500 && response.status != 429 { return response }
                failure = "answered \(response.status)"
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failure = "\(error)"
            }
        }
        throw JournalError("cannot tell whether \(request.summary), \(context), took effect: "
                           + "\(probe.summary) \(failure) \(probeAttempts) times; nothing more was sent; run the same command again")
    }

    /// Sends a write the journal does not answer: the intent is flushed
    /// first, the panel's answer recorded after, then judged.
    func sendLive(_ request: PanelRequest, at position: InteractionPosition?, send: Send) async throws -> Outcome {
        if settings.dryRun {
            plannedCount.withLock { $0 += 1 }
            report("would \(request.summary)" + Self.bodyText(request.body))
            return .planned
        }
        let journal = position == nil ? nil : self.journal
        if let journal, let position {
            try journal.recordIntent(at: position, request: request.summary, sent: Self.sentText(request.body))
        }
        let delivery: Delivery
        do {
            delivery = try await deliver(request, send: send)
        } catch {
            // Abandoned by a second Ctrl-C: left in flight, judged on resume.
            if let journal, let position, !Task.isCancelled, !(error is CancellationError), !(error is JournalError) {
                try journal.recordUnanswered(at: position, reason: "\(error)")
            }
            throw error
        }
        switch delivery {
        case .answered(let response):
            if let journal, let position {
                try journal.recordOutcome(at: position, status: response.status, body: response.body)
            }
            guard response.isSuccess else { throw PanelError(request: request, response: response) }
            return .sent(response)
        case .foundDone(let response):
            if let journal, let position {
                try journal.recordOutcome(at: position, status: response.status, body: response.body, found: true)
            }
            return .sent(response)
        }
    }

    /// How a live write ended: the panel's answer, or, when the answer was
    /// lost, the panel showing the write done.
    enum Delivery {
        case answered(PanelResponse)
        case foundDone(PanelResponse)
    }

    /// Times a write whose answer was lost is looked for and sent again
    /// before its failure is the answer: each send that reached the panel
    /// is judged first, so none is done twice.
    static let deliveryAttempts = 4

    /// Sends a write so that the panel does it once. The executor resends
    /// only what provably never arrived (`Resend.onlyUndelivered`); when
    /// the answer was lost after the request may have reached the panel (a
    /// dropped connection, a timeout, a gateway's 502 or 504), the panel is
    /// asked whether it shows the write's effect: done is the answer, not
    /// done is sent again, and a write nobody can judge is sent again only
    /// when twice does no harm; otherwise its failure is said, with what it
    /// means.
    func deliver(_ request: PanelRequest, send: Send) async throws -> Delivery {
        var attempt = 1
        while true {
            let sentAt = Date()
            do {
                let response = try await send(request)
                guard Self.mayHaveArrived(response), attempt < Self.deliveryAttempts else { return .answered(response) }
                switch try await judgeLost(request, sentAt: sentAt, failure: "answered \(response.status)", send: send) {
                case .done(let answer): return .foundDone(answer)
                case .send: break
                case .undecided: return .answered(response)
                }
            } catch let error as TransportError where error.reachedPanel {
                guard attempt < Self.deliveryAttempts else { throw error }
                switch try await judgeLost(request, sentAt: sentAt, failure: error.message, send: send) {
                case .done(let answer): return .foundDone(answer)
                case .send: break
                case .undecided:
                    throw TransportError(kind: error.kind, reachedPanel: true, message: error.message
                        + "; the panel may have done \(request.summary), and it does not show whether it did, so it was not sent again: look at the panel")
                }
            }
            attempt += 1
        }
    }

    /// A gateway's 502 or 504 to a write: the panel may have done it.
    static func mayHaveArrived(_ response: PanelResponse) -> Bool {
        response.status == 502 || response.status == 504
    }

    private func judgeLost(_ request: PanelRequest, sentAt: Date, failure: String, send: Send) async throws -> Judgement {
        try await Self.judge(request, sentAt: sentAt, context: "sent just now and \(failure)", send: send)
    }

    /// The closing line of a dry run or a resumed run, or nil when there is nothing to say.
    public var summary: String? {
        var parts: [String] = []
        if settings.dryRun {
            let count = planned
            parts.append("dry run: \(count) write\(count == 1 ? "" : "s") planned, none sent")
        }
        if let journal, journal.recordsBefore > 1 {
            let counts = journal.counts
            let file = TerminalText.visible(journal.path)
            var line = journal.heldFinishedRun ? "the journal \(file) is of a run that finished: " : "journal \(file): "
            line += "\(counts.replayed) interaction\(counts.replayed == 1 ? "" : "s") replayed"
            line += settings.dryRun ? "" : ", \(counts.sentNow) write\(counts.sentNow == 1 ? "" : "s") sent now"
            if counts.foundDone > 0 { line += ", \(counts.foundDone) found done on the panel" }
            let unasked = journal.unasked
            if unasked > 0 { line += "; \(unasked) interaction\(unasked == 1 ? "" : "s") it holds \(unasked == 1 ? "was" : "were") not asked this time" }
            if journal.heldFinishedRun { line += "; nothing it holds was sent again; to run the script afresh, move the journal away or give another --journal" }
            parts.append(line)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The body as the journal keeps it to tell a write from another: JSON
    /// with passwords masked, or the size of a text.
    static func sentText(_ body: RequestBody?) -> String {
        switch body {
        case nil: ""
        case .json(let data): String(decoding: masked(data), as: UTF8.self)
        case .text(let text): "(\(text.utf8.count) bytes of text, hash \(Journal.hash(Data(text.utf8))))"
        }
    }

    static func bodyText(_ body: RequestBody?) -> String {
        switch body {
        case nil: ""
        case .json(let data): " " + String(decoding: masked(data), as: UTF8.self)
        case .text(let text): " (\(text.utf8.count) bytes of text)"
        }
    }

    /// A body with its secrets masked (see `JournalSecrets`): a dry run's
    /// output ends up in terminals, logs and tickets, so it shows that a
    /// password is sent, not which.
    static func masked(_ data: Data) -> Data { JournalSecrets.scrub(data) }
}

/// A write the gate would not let through.
public struct WriteRefused: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The error a write met in the journal's run, given again on a replay so
/// the script takes the same way it took then.
public struct ReplayedFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
}
