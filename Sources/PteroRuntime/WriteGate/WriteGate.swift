import Foundation
import PteroKit
import PteroLang

/// The one place every write to the panel passes: dry runs, read-only
/// profiles, confirmation of destructive actions, and the journal.
public final class WriteGate: @unchecked Sendable {
    /// What happened to a write.
    public enum Outcome: Sendable {
        case sent(PanelResponse)
        /// Dry run: printed, not sent.
        case planned
        /// An earlier run with the same journal completed it.
        case alreadyDone
    }

    public struct Settings: Sendable {
        public var dryRun = false
        public var readOnly = false
        /// Destructive writes proceed without asking (`--yes`, or no terminal to ask on).
        public var assumeYes = false
        public init() {}
    }

    public let settings: Settings
    public let journal: Journal?
    /// Where dry-run lines go.
    let report: @Sendable (String) -> Void
    /// Asks the person at the terminal; nil when nobody can be asked.
    let confirm: (@Sendable (String) -> Bool)?
    private let lock = NSLock()
    private var plannedCount = 0

    public init(settings: Settings, journal: Journal? = nil, report: @escaping @Sendable (String) -> Void,
                confirm: (@Sendable (String) -> Bool)? = nil) {
        self.settings = settings
        self.journal = journal
        self.report = report
        self.confirm = confirm
    }

    public var planned: Int { lock.withLock { plannedCount } }

    /// Asks once before a destructive action or a bulk job; throws when
    /// the answer is no. Dry runs and `--yes` never ask.
    /// A dry run says where the real run would ask, since that run may
    /// have no terminal and then needs `--yes`.
    public func confirmDestructive(_ description: String) throws(WriteRefused) {
        if settings.dryRun && !settings.assumeYes {
            report("would ask first: \(description)? (a run without a terminal needs --yes)")
        }
        guard !settings.dryRun, !settings.assumeYes else { return }
        guard let confirm else {
            throw WriteRefused("\(description) needs confirmation; run with --yes to do it without asking")
        }
        guard confirm(description) else { throw WriteRefused("\(description): not confirmed") }
    }

    /// Passes `request` through the gate; `send` performs it for real.
    public func submit(_ request: PanelRequest, send: @Sendable (PanelRequest) async throws -> PanelResponse) async throws -> Outcome {
        if settings.readOnly {
            throw WriteRefused("\(request.summary) refused: the profile is read-only")
        }
        let claim = try journal?.wasCompleted(request)
        if claim?.done == true { return .alreadyDone }
        if settings.dryRun {
            lock.withLock { plannedCount += 1 }
            report("would \(request.summary)" + Self.bodyText(request.body))
            return .planned
        }
        let response = try await send(request)
        if let journal, let claim, response.isSuccess {
            try journal.record(request, key: claim.key, status: response.status)
        }
        return .sent(response)
    }

    /// The closing line of a dry run or a resumed run, or nil when there is nothing to say.
    public var summary: String? {
        var parts: [String] = []
        if settings.dryRun {
            let count = planned
            parts.append("dry run: \(count) write\(count == 1 ? "" : "s") planned, none sent")
        }
        if let journal, journal.heldFinishedRun {
            let skipped = journal.skipped
            parts.append("the journal \(TerminalText.visible(journal.path)) is of a run that finished: "
                         + "\(skipped) write\(skipped == 1 ? "" : "s") it holds \(skipped == 1 ? "was" : "were") skipped, not sent again; "
                         + "to run the script afresh, move the journal away or give another --journal")
        } else if let skipped = journal?.skipped, skipped > 0 {
            parts.append("\(skipped) write\(skipped == 1 ? "" : "s") already done by an earlier run (journal \(TerminalText.visible(journal!.path))), skipped")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func bodyText(_ body: RequestBody?) -> String {
        switch body {
        case nil: ""
        case .json(let data): " " + String(decoding: masked(data), as: UTF8.self)
        case .text(let text): " (\(text.utf8.count) bytes of text)"
        }
    }

    /// Fields whose values are secrets: a dry run's output ends up in
    /// terminals, logs and tickets, so it shows that one is sent, not what.
    static let secretFields: Set<String> = ["password", "current_password", "password_confirmation"]

    static func masked(_ data: Data) -> Data {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object.keys.contains(where: secretFields.contains) else { return data }
        var copy = object
        for key in object.keys where secretFields.contains(key) { copy[key] = "********" }
        return (try? JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys, .withoutEscapingSlashes])) ?? data
    }
}

/// A write the gate would not let through.
public struct WriteRefused: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
