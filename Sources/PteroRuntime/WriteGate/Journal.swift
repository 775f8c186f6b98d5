import Foundation
import Synchronization
import PteroKit
import PteroLang

/// The record of a run that lets a killed migration resume exactly once:
/// durable execution by deterministic replay, as Temporal does it for
/// workflow code.
///
/// Every interaction of the script with the world outside is recorded at
/// its `InteractionPosition`: each panel read with its answer, each write
/// as an *intent* flushed before the request leaves and an *outcome* once
/// the panel answered, each builtin whose answer the script does not fix
/// (`now()`, `env()`, `read_file()`, `sleep()`) and each confirmation. A
/// rerun with the same journal runs the script from the top, and each
/// interaction at a position the journal holds is answered from it without
/// asking the panel, so the script sees what the first run saw and makes
/// the same decisions; past the end of the journal the run goes on live.
/// A rerun that asks something else at a position (the script was edited)
/// stops before sending anything.
///
/// Why JSON lines, fsync'd, and not SQLite: a record is appended and
/// flushed before the write it announces leaves, so the only damage a kill
/// or a power loss can do is a torn last line, which is cut off; `cat` and
/// `ptero journal` read it; and it needs no package (GRDB would double the
/// build time of the runtime).
///
/// The file is opened without following a symbolic link (through a link,
/// ptero would append to whatever it points at) and locked for the run, so
/// a second ptero on the same journal is refused instead of doing the
/// whole job again beside the first. A line that is not a record is
/// damage, reported with its number.
public final class Journal: Sendable {
    public let path: String
    /// Open for the whole run: closing it would release the lock.
    private let descriptor: Int32
    private let state: Mutex<State>
    /// A dry run replays the journal but adds nothing to it.
    public let appends: Bool

    /// A journal larger than this is no journal of ptero's (a 2,000-server
    /// migration's is about 9 MB); refusing it keeps a wrong file from being
    /// read into memory.
    public static let maximumSize = 256 * 1024 * 1024

    /// Set by tests: ptero SIGKILLs itself when about to append its N-th
    /// record, so a test can stop a run at every point of its journal
    /// exactly (before an outcome record means: sent, answered, not recorded).
    static let killVariable = "PTERO_JOURNAL_KILL_BEFORE_RECORD"

    /// What a resumed run found in the journal and did: the summary line.
    public struct Counts: Sendable, Equatable {
        /// Interactions answered from the journal.
        public var replayed = 0
        /// Writes sent to the panel by this run.
        public var sentNow = 0
        /// Writes in flight at the kill that the panel showed done.
        public var foundDone = 0
    }

    struct State {
        var entries: [InteractionPosition: Entry]
        /// The file index of the last write intent: a run may go its own
        /// way after a divergence only where nothing after it changed the panel.
        var lastWriteOrder: Int
        /// The file index of the journal's last record when opened: a
        /// failure there ended the run before, and is asked again.
        let finalOrder: Int
        var script: JournalRecord?
        var counts = Counts()
        var appended = 0
        /// The file's size: it may not pass `maximumSize`, or a rerun could not read it.
        var size: Int
        var killAt: Int?
        /// Set when a record could not be written: nothing is sent after it.
        var failure: JournalError?
        /// The run stopped at a write it cannot judge: exit status 4.
        var needsDecision = false
        var notices: [String] = []
        /// Entries not yet asked by this run.
        var unasked: Int
    }

    /// What the journal holds at one position.
    struct Entry {
        var record: JournalRecord
        /// The read's answer, or the write's outcome's body.
        var body: Data?
        /// The write's outcome, nil while it is in flight.
        var outcome: JournalRecord?
        /// File index of the last record about this position.
        var order: Int
        var consumed = false
    }

    /// The journal ends with a run that finished: a rerun sends only what
    /// the script asks beyond it, and says that the journal was complete.
    public let heldFinishedRun: Bool
    /// Records the journal held when opened.
    public let recordsBefore: Int

    /// The most this journal may hold (`maximumSize`; tests lower it).
    let sizeLimit: Int

    public convenience init(path: String, appends: Bool = true) throws(JournalError) {
        try self.init(path: path, appends: appends, sizeLimit: Self.maximumSize)
    }

    init(path: String, appends: Bool, sizeLimit: Int) throws(JournalError) {
        self.path = path
        self.appends = appends
        self.sizeLimit = sizeLimit
        let shown = TerminalText.visible(path)
        let flags = appends ? O_RDWR | O_CREAT | O_APPEND : O_RDONLY
        let descriptor = open(path, flags | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ELOOP: throw JournalError("the journal \(shown) is a symbolic link: give the file itself (through a link, ptero would append to whatever it points at)")
            case EISDIR: throw JournalError("the journal \(shown) is a folder, not a file")
            case ENOENT: throw JournalError("the journal \(shown) does not exist")
            default: throw JournalError("cannot open the journal \(shown): \(String(cString: strerror(code)))")
            }
        }
        do throws(JournalError) {
            var information = stat()
            guard fstat(descriptor, &information) == 0, information.st_mode & S_IFMT == S_IFREG else {
                throw JournalError("the journal \(shown) is not a regular file")
            }
            // Only a run that appends takes the lock: a dry run or `ptero
            // journal` reads while a run goes on (a torn last line is passed over).
            guard !appends || flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                throw JournalError("the journal \(shown) is in use by another ptero run: wait for it to end (two runs on one journal would each do the whole job)")
            }
            guard information.st_size <= sizeLimit else {
                throw JournalError("the journal \(shown) is \(information.st_size / (1024 * 1024)) MiB, more than a journal of ptero's holds: is it the right file?")
            }
            let bytes = try Self.contents(of: descriptor, size: Int(information.st_size), shown: shown)
            let parsed = try Self.parse(bytes, shown: shown)
            heldFinishedRun = parsed.finished
            recordsBefore = parsed.count
            // A torn last line is cut off, so the next record starts a line
            // of its own and a later read does not take the torn one for damage.
            if appends, let last = bytes.last, last != UInt8(ascii: "\n") {
                let whole = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                guard ftruncate(descriptor, off_t(whole)) == 0 else {
                    throw JournalError("cannot repair the torn last line of the journal \(shown): \(String(cString: strerror(errno)))")
                }
            }
            let kill = ProcessInfo.processInfo.environment[Self.killVariable].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            state = Mutex(State(entries: parsed.entries, lastWriteOrder: parsed.lastWriteOrder, finalOrder: parsed.count - 1,
                                script: parsed.script, size: Int(information.st_size), killAt: kill, unasked: parsed.entries.count))
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    // MARK: The script

    /// Names the script the run is of: a new journal records it; a journal
    /// of another script (another path and another source) or of other
    /// arguments is refused. An edited script at the same path is allowed,
    /// and every interaction it asks is checked against the journal.
    public func begin(script path: String, source: String, arguments: [String]) throws(JournalError) {
        let hash = Self.hash(Data(source.utf8))
        let shown = TerminalText.visible(self.path)
        try state.withLock { state throws(JournalError) in
            guard let recorded = state.script else {
                guard state.entries.isEmpty else {
                    throw JournalError("the journal \(shown) names no script on its first line: it is not a journal ptero wrote; move it away to start afresh")
                }
                var record = JournalRecord(.script)
                record.script = path
                record.source = hash
                record.arguments = arguments
                record.format = JournalRecord.currentFormat
                state.script = record
                try append(record, body: nil, state: &state, durable: true)
                return
            }
            let recordedPath = recorded.script ?? "?"
            if recordedPath != path && recorded.source != hash {
                throw JournalError("the journal \(shown) is of another script, \(TerminalText.visible(recordedPath)), not \(TerminalText.visible(path)): give that script, or another --journal for this one")
            }
            if recorded.arguments ?? [] != arguments {
                let before = (recorded.arguments ?? []).map { Value.quote($0) }.joined(separator: " ")
                throw JournalError("the journal \(shown) is of a run with other arguments (\(before.isEmpty ? "none" : TerminalText.visible(before))): give the same arguments to resume it, or another --journal to start afresh")
            }
            if recorded.source != hash {
                state.notices.append("the script changed since the journal \(shown) was written: each interaction it asks is checked against the journal")
            }
        }
    }

    /// Lines to show before the run starts (the script changed).
    public var notices: [String] { state.withLock { $0.notices } }

    // MARK: Reads and builtins

    /// The answer recorded for the read at `position`, or nil when the run
    /// must ask the panel. Throws when the journal holds another
    /// interaction there.
    func recordedRead(at position: InteractionPosition, request: String) throws(JournalError) -> Data? {
        try state.withLock { state throws(JournalError) -> Data? in
            if let failure = state.failure { throw failure }
            guard let entry = try claim(position, kind: .read, asking: request, sent: nil, state: &state) else { return nil }
            state.counts.replayed += 1
            return entry.body ?? Data()
        }
    }

    /// Records a read's answer (not flushed: a read lost with a power cut
    /// is read again).
    func recordRead(at position: InteractionPosition, request: String, status: Int, body: Data) throws(JournalError) {
        guard appends else { return }
        var record = JournalRecord(.read, at: position)
        record.request = request
        record.status = status
        try add(record, body: JournalSecrets.scrub(body), durable: false)
    }

    /// The recorded answer of a builtin or a confirmation, or nil to ask live.
    func recordedAnswer(at position: InteractionPosition, question: String, kind: JournalRecord.Kind) throws(JournalError) -> JournalRecord? {
        try state.withLock { state throws(JournalError) -> JournalRecord? in
            if let failure = state.failure { throw failure }
            guard let entry = try claim(position, kind: kind, asking: question, sent: nil, state: &state) else { return nil }
            state.counts.replayed += 1
            return entry.record
        }
    }

    func recordAnswer(_ record: JournalRecord) throws(JournalError) {
        guard appends else { return }
        try add(record, body: nil, durable: true)
    }

    // MARK: Writes

    /// What the journal says about the write at a position.
    enum WriteReplay: Sendable {
        /// Nothing recorded: send it (after recording the intent).
        case live
        /// The panel's recorded answer, 2xx or an error the script went on from.
        case answered(PanelResponse)
        /// Recorded without an answer, and the script went on from that error.
        case unanswered(String)
        /// The intent has no outcome, or its failure ended the run: look at
        /// the panel before anything is sent.
        case inFlight
        /// `ptero journal --accept`: counts as done, nothing is sent.
        case accepted
        /// `ptero journal --retry`: send it again.
        case retry
    }

    func write(at position: InteractionPosition, request: String, sent: String) throws(JournalError) -> WriteReplay {
        try state.withLock { state throws(JournalError) -> WriteReplay in
            if let failure = state.failure { throw failure }
            guard let entry = try claim(position, kind: .intent, asking: request, sent: sent, state: &state) else { return .live }
            let last = entry.order == state.finalOrder
            guard let outcome = entry.outcome else { return .inFlight }
            switch outcome.kind {
            case .accept:
                state.counts.replayed += 1
                return .accepted
            case .retry: return .retry
            case .unanswered:
                if last { return .inFlight }
                state.counts.replayed += 1
                return .unanswered(outcome.reason ?? "no answer")
            default:
                let status = outcome.status ?? 0
                // A refusal or a server error that ended the run is asked
                // again: a 4xx did nothing, a 5xx may have (look first).
                if last && !(200..<300).contains(status) { return status >= 500 ? .inFlight : .retry }
                state.counts.replayed += 1
                return .answered(PanelResponse(status: status, body: entry.body ?? Data()))
            }
        }
    }

    /// Records that the write at `position` is about to be sent, flushed
    /// to disk before it leaves. Not again when the intent is already there.
    func recordIntent(at position: InteractionPosition, request: String, sent: String) throws(JournalError) {
        guard appends else { return }
        let known = state.withLock { $0.entries[position].map { $0.record.kind == .intent && $0.record.request == request && $0.record.sent == sent } ?? false }
        if known { return }
        var record = JournalRecord(.intent, at: position)
        record.request = request
        record.sent = sent
        try add(record, body: nil, durable: true)
    }

    /// Records the panel's answer to the write at `position`.
    func recordOutcome(at position: InteractionPosition, status: Int, body: Data, found: Bool = false) throws(JournalError) {
        state.withLock {
            $0.counts.sentNow += found ? 0 : 1
            $0.counts.foundDone += found ? 1 : 0
        }
        guard appends else { return }
        var record = JournalRecord(found ? .found : .outcome, at: position)
        record.status = status
        try add(record, body: JournalSecrets.scrub(body), durable: true)
    }

    /// Records that the write at `position` got no answer.
    func recordUnanswered(at position: InteractionPosition, reason: String) throws(JournalError) {
        state.withLock { $0.counts.sentNow += 1 }
        guard appends else { return }
        var record = JournalRecord(.unanswered, at: position)
        record.reason = reason
        try add(record, body: nil, durable: true)
    }

    /// The run stops at a write it cannot judge (exit status 4).
    func markNeedsDecision() { state.withLock { $0.needsDecision = true } }
    public var needsDecision: Bool { state.withLock { $0.needsDecision } }

    // MARK: The run

    public var counts: Counts { state.withLock { $0.counts } }

    /// Interactions the journal holds that this run has not asked (yet).
    public var unasked: Int { state.withLock { $0.unasked } }

    /// True while the journal still holds answers this run has not asked
    /// for: pages are not fetched ahead then, since the answers come from
    /// the journal.
    var isReplaying: Bool { state.withLock { $0.unasked > 0 } }

    /// Marks the run as finished (the script ran to its end, not a dry run).
    public func finish() throws(JournalError) {
        guard appends else { return }
        try add(JournalRecord(.end), body: nil, durable: true)
    }

    /// Appends `.accept` or `.retry` for the write in flight at `position`
    /// (`ptero journal FILE --accept STEP`).
    public func decide(_ position: InteractionPosition, accept: Bool) throws(JournalError) -> String {
        let shown = TerminalText.visible(path)
        let request = try state.withLock { state throws(JournalError) -> String in
            guard let entry = state.entries[position], entry.record.kind == .intent else {
                throw JournalError("the journal \(shown) holds no write at step \(position)")
            }
            if let outcome = entry.outcome, outcome.kind == .outcome || outcome.kind == .found, let status = outcome.status, (200..<300).contains(status) {
                throw JournalError("the write at step \(position) (\(entry.record.request ?? "?")) is done already (\(status)); nothing to decide")
            }
            return entry.record.request ?? "?"
        }
        try add(JournalRecord(accept ? .accept : .retry, at: position), body: nil, durable: true)
        return request
    }

    // MARK: Inside

    /// The entry at `position` when it is the interaction asked, else nil
    /// (nothing recorded: live). Another interaction there is divergence:
    /// an error, unless nothing after it in the journal changed the panel.
    private func claim(_ position: InteractionPosition, kind: JournalRecord.Kind, asking question: String, sent: String?,
                       state: inout State) throws(JournalError) -> Entry? {
        guard var entry = state.entries[position] else { return nil }
        let recordedQuestion = entry.record.kind == .intent || entry.record.kind == .read ? entry.record.request : entry.record.question
        let same = entry.record.kind == kind && recordedQuestion == question && (kind != .intent || entry.record.sent == sent)
        if same && !entry.consumed {
            entry.consumed = true
            state.entries[position] = entry
            state.unasked -= 1
            return entry
        }
        if entry.order > state.lastWriteOrder {
            // Nothing the journal holds from here on changed the panel: the
            // run may go its own way, live.
            state.entries = state.entries.filter { $0.value.order < entry.order }
            state.unasked = state.entries.values.filter { !$0.consumed }.count
            return nil
        }
        let recorded = Self.describe(entry.record)
        let asked = Self.describe(kind: kind, question: question, sent: sent)
        throw JournalError(divergence: "at step \(position) the script asks for \(asked), but the journal \(TerminalText.visible(path)) holds \(recorded) there: "
                           + "the script, its input or something it reads changed since the journal was written, so it cannot be resumed exactly; "
                           + "nothing was sent. To run it afresh, move the journal away or give another --journal")
    }

    private static func describe(_ record: JournalRecord) -> String {
        describe(kind: record.kind, question: record.kind == .intent || record.kind == .read ? record.request ?? "?" : record.question ?? "?", sent: record.sent)
    }

    private static func describe(kind: JournalRecord.Kind, question: String, sent: String?) -> String {
        switch kind {
        case .read: "the read \(TerminalText.visible(question))"
        case .intent: "the write \(TerminalText.visible(question))" + (sent.map { $0.isEmpty ? "" : " " + TerminalText.visible(String($0.prefix(200))) } ?? "")
        case .confirm: "the confirmation \(TerminalText.visible(question))?"
        default: "the answer of \(TerminalText.visible(question))"
        }
    }

    private func add(_ record: JournalRecord, body: Data?, durable: Bool) throws(JournalError) {
        try state.withLock { state throws(JournalError) in
            if let failure = state.failure { throw failure }
            try append(record, body: body, state: &state, durable: durable)
        }
    }

    /// Appends a record (and flushes it when `durable`). A full disk or an
    /// I/O error stops every later write: it would not be recorded either.
    private func append(_ record: JournalRecord, body: Data?, state: inout State, durable: Bool) throws(JournalError) {
        guard appends else { return }
        let shown = TerminalText.visible(path)
        // Every journal starts by naming its script (`begin`): one that did
        // not could be resumed by any script.
        guard state.script != nil || record.kind == .script else {
            throw JournalError("the journal \(shown) was given no script to record before its first record")
        }
        state.appended += 1
        if state.appended == state.killAt { kill(getpid(), SIGKILL) }
        do throws(JournalError) {
            let line: [UInt8]
            do { line = try record.line(body: body) } catch { throw JournalError("cannot encode a record of the journal \(shown): \(error)") }
            guard state.size + line.count <= sizeLimit else {
                throw JournalError("the journal \(shown) would pass \(sizeLimit / (1024 * 1024)) MiB, more than a rerun reads back: split the migration into smaller runs")
            }
            try Self.writeAll(line, to: descriptor, shown: shown)
            state.size += line.count
            if durable, fsync(descriptor) != 0 {
                throw JournalError("cannot write the journal \(shown): \(String(cString: strerror(errno)))")
            }
        } catch {
            let what = record.kind == .outcome ? "; \(record.at.map { "the write at step \($0)" } ?? "a write") was sent but its answer is not recorded" : ""
            let failure = JournalError(error.description + what + "; nothing more is sent")
            state.failure = failure
            throw failure
        }
    }

    /// Writes all of `bytes` (O_APPEND: at the end, whole).
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, shown: String) throws(JournalError) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError("cannot write the journal \(shown): \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }

    private static func contents(of descriptor: Int32, size: Int, shown: String) throws(JournalError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        var read = 0
        while read < size {
            let count = bytes[read...].withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(read)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalError("cannot read the journal \(shown): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            read += count
        }
        return Array(bytes[..<read])
    }

    struct Parsed {
        var entries: [InteractionPosition: Entry] = [:]
        var script: JournalRecord?
        var finished = false
        var count = 0
        var lastWriteOrder = -1
        /// Every record in file order, for `ptero journal`.
        var records: [(record: JournalRecord, body: Data?)] = []
    }

    /// Reads every line; a last line without its newline is a record torn by
    /// a kill and is passed over. Records about one position apply in file
    /// order: an intent starts the entry, an outcome (or found, accept,
    /// retry) ends it; a later intent at a position replaces one left
    /// undone (a refused write resent by a later run).
    static func parse(_ bytes: [UInt8], shown: String, keepRecords: Bool = false) throws(JournalError) -> Parsed {
        var parsed = Parsed()
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            if line.isEmpty { continue }
            guard let (record, body) = JournalRecord.parse(line), isValid(record, first: parsed.count == 0) else {
                if isLast { continue }
                if index == 0, isOldFormat(line) {
                    throw JournalError("the journal \(shown) was written by an older ptero, which resumed by matching writes, not by replaying the run: finish that run with the ptero that wrote it, or move the journal away to start afresh")
                }
                let text = TerminalText.visible(String(decoding: line.prefix(60), as: UTF8.self))
                throw JournalError("the journal \(shown) is damaged at line \(index + 1) (\(text)\(line.count > 60 ? "…" : "")): it is not a journal ptero wrote, or it was edited; move it away to start afresh")
            }
            // A torn line that happens to parse is still torn.
            if isLast { continue }
            let order = parsed.count
            parsed.count += 1
            if keepRecords { parsed.records.append((record, body)) }
            parsed.finished = record.kind == .end
            guard let position = record.position else {
                if record.kind == .script { parsed.script = record }
                continue
            }
            switch record.kind {
            case .read, .answer, .confirm:
                parsed.entries[position] = Entry(record: record, body: body, order: order)
            case .intent:
                parsed.lastWriteOrder = order
                parsed.entries[position] = Entry(record: record, order: order)
            case .outcome, .found, .unanswered, .accept, .retry:
                guard var entry = parsed.entries[position], entry.record.kind == .intent else {
                    throw JournalError("the journal \(shown) is damaged at line \(index + 1): an answer to a write at step \(position) that it does not hold")
                }
                entry.outcome = record
                entry.body = body
                entry.order = order
                parsed.entries[position] = entry
            case .script, .end:
                break
            }
        }
        return parsed
    }

    /// Whether a decoded record has what its kind needs.
    private static func isValid(_ record: JournalRecord, first: Bool) -> Bool {
        if first != (record.kind == .script) { return false }
        switch record.kind {
        case .script: return record.script != nil && record.source != nil && record.format == JournalRecord.currentFormat
        case .end: return record.at == nil
        case .read, .intent: return record.position != nil && record.request != nil
        case .outcome, .found: return record.position != nil && record.status.map { (100...599).contains($0) } == true
        case .answer: return record.position != nil && record.question != nil && record.value?.value != nil
        case .confirm: return record.position != nil && record.question != nil && record.yes != nil
        case .unanswered, .accept, .retry: return record.position != nil
        }
    }

    /// A line of the journal format before replay (`HASH#N<TAB>STATUS<TAB>...`).
    private static func isOldFormat(_ line: ArraySlice<UInt8>) -> Bool {
        let fields = line.split(separator: 9, omittingEmptySubsequences: false)
        return fields.count == 3 && fields[0].count >= 18 && fields[0].contains(UInt8(ascii: "#"))
    }

    /// A stable 64-bit FNV-1a hash in hex: tells an edited script from its journal.
    static func hash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// `write(2)`, which the journal's own `write(at:)` hides.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// The journal file cannot be used, or a rerun cannot be resumed from it.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The rerun asked something else than the journal holds.
    public let isDivergence: Bool
    init(_ description: String) {
        self.description = description
        isDivergence = false
    }
    init(divergence description: String) {
        self.description = description
        isDivergence = true
    }
}

extension Journal {
    /// The journal as `ptero journal FILE` shows it: what it is of, then one
    /// line per interaction in the order the run asked them.
    public func table() throws(JournalError) -> String {
        let shown = TerminalText.visible(path)
        var information = stat()
        guard fstat(descriptor, &information) == 0 else {
            throw JournalError("cannot read the journal \(shown): \(String(cString: strerror(errno)))")
        }
        let bytes = try Self.contents(of: descriptor, size: Int(information.st_size), shown: shown)
        let parsed = try Self.parse(bytes, shown: shown, keepRecords: true)
        var lines: [String] = []
        if let script = parsed.script {
            let arguments = (script.arguments ?? []).map { TerminalText.visible(Value.quote($0)) }.joined(separator: " ")
            lines.append("journal \(shown): the run of \(TerminalText.visible(script.script ?? "?"))\(arguments.isEmpty ? "" : " " + arguments) (source \(script.source ?? "?"))")
        } else {
            lines.append("journal \(shown): empty")
        }
        var rows: [[String]] = [["STEP", "WHAT", "ASKED", "OUTCOME"]]
        var inFlight: [String] = []
        var writes = 0, done = 0
        // One row per position, in the order first asked; a write's row
        // shows its last outcome.
        var order: [InteractionPosition] = []
        var seen: Set<InteractionPosition> = []
        for (record, _) in parsed.records {
            guard let position = record.position, !seen.contains(position) else { continue }
            seen.insert(position)
            order.append(position)
        }
        for position in order {
            guard let entry = parsed.entries[position] else { continue }
            let record = entry.record
            switch record.kind {
            case .read:
                rows.append([position.description, "read", TerminalText.visible(record.request ?? "?"),
                             "\(record.status ?? 0), \(Self.size(entry.body?.count ?? 0))"])
            case .answer:
                let value = record.value?.value.map { TerminalText.visible(String($0.displayText.prefix(60))) } ?? "?"
                rows.append([position.description, "answer", TerminalText.visible(record.question ?? "?"), value])
            case .confirm:
                rows.append([position.description, "confirm", TerminalText.visible(record.question ?? "?"), record.yes == true ? "yes" : "no"])
            case .intent:
                writes += 1
                let outcome: String
                switch entry.outcome?.kind {
                case nil:
                    outcome = "in flight (sent, no answer recorded)"
                    inFlight.append(position.description)
                case .outcome?:
                    let status = entry.outcome?.status ?? 0
                    if (200..<300).contains(status) { done += 1 }
                    outcome = (200..<300).contains(status) ? "done \(status)" : "refused \(status)"
                case .found?:
                    done += 1
                    outcome = "found done on the panel"
                case .unanswered?:
                    outcome = "no answer: " + TerminalText.visible(String((entry.outcome?.reason ?? "").prefix(80)))
                    inFlight.append(position.description)
                case .accept?:
                    done += 1
                    outcome = "accepted as done"
                case .retry?:
                    outcome = "to be sent again"
                default:
                    outcome = "?"
                }
                rows.append([position.description, "write", TerminalText.visible(record.request ?? "?"), outcome])
            default:
                continue
            }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append(row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  "))
        }
        var closing = "\(parsed.count) records, \(Self.size(bytes.count)); \(writes) writes, \(done) done"
        if !inFlight.isEmpty { closing += "; in flight or unanswered at step \(inFlight.joined(separator: ", "))" }
        closing += parsed.finished ? "; the run finished" : "; the run did not finish: the same command again resumes it"
        lines.append(closing)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? "\(bytes / 1024) KiB" : String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
