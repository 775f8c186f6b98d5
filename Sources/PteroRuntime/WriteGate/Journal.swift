import Foundation
import Synchronization
import PteroKit
import PteroLang

/// A record of completed writes that lets a killed migration resume
/// without doing anything twice.
///
/// Each completed write appends one line and is flushed to disk before the
/// script goes on, so even `kill -9` loses at most the write in flight. A
/// write is known by its method, path and body plus how many times the same
/// write came before it in the run: the n-th identical write of a rerun
/// matches the n-th of the first run.
///
/// The file is opened without following a symbolic link (a link would make
/// ptero append to whatever it points at) and locked for the run, so a
/// second ptero on the same journal is refused instead of doing the whole
/// job again beside the first. A line that is not one of its records is
/// damage, reported with its number; only a torn last line (the process
/// died while writing it) is passed over.
public final class Journal: Sendable {
    public let path: String
    /// Open for the whole run: closing it would release the lock.
    private let descriptor: Int32
    private let state: Mutex<State>

    /// A journal larger than this is no journal of ptero's (a million
    /// writes take about 100 MB); refusing it keeps a wrong file from
    /// being read into memory.
    public static let maximumSize = 256 * 1024 * 1024

    struct State {
        var completed: [String: Int]
        var seenThisRun: [String: Int] = [:]
        var skipped = 0
        /// Set when a record could not be written: no write is sent after it.
        var failure: JournalError?
    }

    /// Writes skipped because an earlier run completed them.
    public var skipped: Int { state.withLock { $0.skipped } }
    /// The journal ends with a run that finished: a rerun sends only what
    /// the script asks beyond it, and says that the journal was complete.
    public let heldFinishedRun: Bool

    /// The line `finish` appends once a script ran to its end.
    static let finishedLine = "end\t-\tthe run finished\n"

    public init(path: String) throws(JournalError) {
        self.path = path
        let shown = TerminalText.visible(path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ELOOP: throw JournalError("the journal \(shown) is a symbolic link: give the file itself (through a link, ptero would append to whatever it points at)")
            case EISDIR: throw JournalError("the journal \(shown) is a folder, not a file")
            default: throw JournalError("cannot open the journal \(shown): \(String(cString: strerror(code)))")
            }
        }
        do throws(JournalError) {
            var information = stat()
            guard fstat(descriptor, &information) == 0, information.st_mode & S_IFMT == S_IFREG else {
                throw JournalError("the journal \(shown) is not a regular file")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                throw JournalError("the journal \(shown) is in use by another ptero run: wait for it to end (two runs on one journal would each do the whole job)")
            }
            guard information.st_size <= Self.maximumSize else {
                throw JournalError("the journal \(shown) is \(information.st_size / (1024 * 1024)) MiB, more than a journal of ptero's holds: is it the right file?")
            }
            let bytes = try Self.contents(of: descriptor, size: Int(information.st_size), shown: shown)
            let (completed, finished) = try Self.parse(bytes, shown: shown)
            heldFinishedRun = finished
            // A torn last line is cut off, so the next record starts a line
            // of its own and a later read does not take the torn one for damage.
            if let last = bytes.last, last != UInt8(ascii: "\n") {
                let whole = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                guard ftruncate(descriptor, off_t(whole)) == 0 else {
                    throw JournalError("cannot repair the torn last line of the journal \(shown): \(String(cString: strerror(errno)))")
                }
            }
            state = Mutex(State(completed: completed))
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// How many writes the journal already holds from earlier runs.
    public var completedBefore: Int { state.withLock { $0.completed.values.reduce(0, +) } }

    /// Claims the next occurrence of `request`: true when an earlier run
    /// already completed it (and it must be skipped). Throws once a record
    /// could not be written: a write sent then would not be recorded either.
    public func wasCompleted(_ request: PanelRequest) throws(JournalError) -> (done: Bool, key: String) {
        let identity = Self.identity(of: request)
        return try state.withLock { state throws(JournalError) in
            if let failure = state.failure { throw failure }
            let occurrence = state.seenThisRun[identity, default: 0]
            state.seenThisRun[identity] = occurrence + 1
            let key = "\(identity)#\(occurrence)"
            let done = occurrence < state.completed[identity, default: 0]
            if done { state.skipped += 1 }
            return (done, key)
        }
    }

    /// Records a completed write and flushes it to disk. A full disk or an
    /// I/O error is an error that says the write was sent but not
    /// recorded, and no later write is sent.
    public func record(_ request: PanelRequest, key: String, status: Int) throws(JournalError) {
        let line = Array("\(key)\t\(status)\t\(request.summary)\n".utf8)
        let shown = TerminalText.visible(path)
        let descriptor = self.descriptor
        try state.withLock { state throws(JournalError) in
            if let failure = state.failure { throw failure }
            do throws(JournalError) {
                try Self.append(line, to: descriptor, shown: shown)
                guard fsync(descriptor) == 0 else {
                    throw JournalError("cannot write the journal \(shown): \(String(cString: strerror(errno)))")
                }
            } catch {
                let failure = JournalError(error.description + "; \(request.summary) was sent but is not recorded, so a rerun would send it again; nothing more is sent")
                state.failure = failure
                throw failure
            }
        }
    }

    /// Marks the run as finished (the script ran to its end, not a dry run).
    public func finish() throws(JournalError) {
        let shown = TerminalText.visible(path)
        let descriptor = self.descriptor
        try state.withLock { state throws(JournalError) in
            if let failure = state.failure { throw failure }
            try Self.append(Array(Self.finishedLine.utf8), to: descriptor, shown: shown)
            guard fsync(descriptor) == 0 else {
                throw JournalError("cannot write the journal \(shown): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes all of `bytes` (O_APPEND: at the end, whole).
    private static func append(_ bytes: [UInt8], to descriptor: Int32, shown: String) throws(JournalError) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
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

    /// Counts completed writes per identity, and tells whether the last
    /// whole line marks a finished run. Every line must be a record
    /// (`HASH#N<TAB>STATUS<TAB>METHOD PATH`) or that mark; a last line
    /// without its newline is a record torn by a kill and is passed over.
    static func parse(_ bytes: [UInt8], shown: String) throws(JournalError) -> (counts: [String: Int], finished: Bool) {
        var counts: [String: Int] = [:]
        var finished = false
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let mark = Array(finishedLine.utf8.dropLast())
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            if line.isEmpty { continue }
            if line.elementsEqual(mark) {
                if !isLast { finished = true }
                continue
            }
            if let identity = record(line) {
                // A torn line that happens to look whole is still torn.
                if !isLast {
                    counts[identity, default: 0] += 1
                    finished = false
                }
                continue
            }
            if isLast { continue }
            let text = TerminalText.visible(String(decoding: line.prefix(60), as: UTF8.self))
            throw JournalError("the journal \(shown) is damaged at line \(index + 1) (\(text)\(line.count > 60 ? "…" : "")): it is not a journal ptero wrote, or it was edited; move it away to start afresh")
        }
        return (counts, finished)
    }

    /// The identity of a record line, or nil when it is not one.
    private static func record(_ line: ArraySlice<UInt8>) -> String? {
        let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard fields.count == 3, let status = Int(String(decoding: fields[1], as: UTF8.self)), (100...599).contains(status) else { return nil }
        let key = fields[0].split(separator: UInt8(ascii: "#"), omittingEmptySubsequences: false)
        guard key.count == 2, key[0].count == 16, key[0].allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }),
              !key[1].isEmpty, key[1].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return String(decoding: key[0], as: UTF8.self)
    }

    /// A stable 64-bit FNV-1a hash of method, path, query and body, in hex.
    static func identity(of request: PanelRequest) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        mix(request.summary.utf8)
        mix(request.body?.data ?? Data())
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The journal file cannot be used.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
