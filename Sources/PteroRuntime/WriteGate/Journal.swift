import Foundation
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
public final class Journal: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var completed: [String: Int]
    private var seenThisRun: [String: Int] = [:]
    private let handle: FileHandle
    /// Writes skipped because an earlier run completed them.
    public private(set) var skipped = 0

    public init(path: String) throws(JournalError) {
        self.path = path
        completed = try Self.read(path)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw JournalError("cannot create the journal \(TerminalText.visible(path))")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw JournalError("cannot write the journal \(TerminalText.visible(path))") }
        // A torn last line must not swallow the next record.
        if handle.seekToEndOfFile() > 0, let data = FileManager.default.contents(atPath: path), data.last != UInt8(ascii: "\n") {
            handle.write(Data("\n".utf8))
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// How many writes the journal already holds from earlier runs.
    public var completedBefore: Int { lock.withLock { completed.values.reduce(0, +) } }

    /// Claims the next occurrence of `request`: true when an earlier run
    /// already completed it (and it must be skipped).
    public func wasCompleted(_ request: PanelRequest) -> (done: Bool, key: String) {
        let identity = Self.identity(of: request)
        return lock.withLock {
            let occurrence = seenThisRun[identity, default: 0]
            seenThisRun[identity] = occurrence + 1
            let key = "\(identity)#\(occurrence)"
            let done = occurrence < completed[identity, default: 0]
            if done { skipped += 1 }
            return (done, key)
        }
    }

    /// Records a completed write and flushes it to disk.
    public func record(_ request: PanelRequest, key: String, status: Int) {
        let line = "\(key)\t\(status)\t\(request.summary)\n"
        lock.withLock {
            handle.write(Data(line.utf8))
            fsync(handle.fileDescriptor)
        }
    }

    /// Counts completed writes per identity; a torn last line (the process
    /// died mid-write) is ignored.
    static func read(_ path: String) throws(JournalError) -> [String: Int] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path) else { throw JournalError("cannot read the journal \(TerminalText.visible(path))") }
        var counts: [String: Int] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let hash = fields[0].split(separator: "#").first, hash.count == 16 else { continue }
            counts[String(hash), default: 0] += 1
        }
        return counts
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
