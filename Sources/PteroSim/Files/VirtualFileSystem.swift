/// A server's files held purely in memory; every path is normalised against the
/// server root so `../../etc/passwd` can only ever name `/etc/passwd` inside it.
struct VirtualFileSystem: Sendable {
    struct Entry: Sendable {
        var isDirectory: Bool
        var content: [UInt8]
        var mode: Int
        var createdAt: Int
        var modifiedAt: Int
    }

    struct Failure: Error, Sendable {
        enum Kind: Sendable { case notFound, exists, notDirectory, isDirectory, invalid }
        let kind: Kind
        let message: String
    }

    private(set) var entries: [String: Entry]

    init(now: Int) {
        entries = ["/": Entry(isDirectory: true, content: [], mode: 0o755, createdAt: now, modifiedAt: now)]
    }

    /// Joins `path` onto `root` and resolves `.`/`..` without ever leaving `/`.
    static func normalize(_ path: String, root: String = "/") -> String {
        let combined = path.hasPrefix("/") ? path : root + "/" + path
        var parts: [Substring] = []
        for component in combined.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(component)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? ""
    }

    func entry(_ path: String) -> Entry? { entries[path] }

    func list(_ directory: String) throws(Failure) -> [(String, Entry)] {
        guard let entry = entries[directory] else { throw Self.notFound }
        guard entry.isDirectory else { throw Failure(kind: .notDirectory, message: "The requested resource is not a directory.") }
        let prefix = directory == "/" ? "/" : directory + "/"
        return entries.compactMap { path, child in
            guard path != "/", path.hasPrefix(prefix), !path.dropFirst(prefix.count).contains("/") else { return nil }
            return (String(path.dropFirst(prefix.count)), child)
        }.sorted { left, right in
            if left.1.isDirectory != right.1.isDirectory { return left.1.isDirectory }
            return left.0 < right.0
        }
    }

    func read(_ path: String) throws(Failure) -> [UInt8] {
        guard let entry = entries[path] else { throw Self.notFound }
        guard !entry.isDirectory else { throw Failure(kind: .isDirectory, message: "Cannot perform that action: file is a directory.") }
        return entry.content
    }

    mutating func write(_ path: String, content: [UInt8], now: Int) throws(Failure) {
        guard path != "/" else { throw Failure(kind: .isDirectory, message: "Cannot perform that action: file is a directory.") }
        if let existing = entries[path], existing.isDirectory {
            throw Failure(kind: .isDirectory, message: "Cannot perform that action: file is a directory.")
        }
        try createDirectory(Self.parent(of: path), now: now)
        let created = entries[path]?.createdAt ?? now
        let mode = entries[path]?.mode ?? 0o644
        entries[path] = Entry(isDirectory: false, content: content, mode: mode, createdAt: created, modifiedAt: now)
    }

    mutating func createDirectory(_ path: String, now: Int) throws(Failure) {
        if let existing = entries[path] {
            guard existing.isDirectory else { throw Failure(kind: .notDirectory, message: "The requested resource is not a directory.") }
            return
        }
        try createDirectory(Self.parent(of: path), now: now)
        entries[path] = Entry(isDirectory: true, content: [], mode: 0o755, createdAt: now, modifiedAt: now)
    }

    /// Moves a file or a whole folder; the target must not exist yet.
    mutating func rename(from source: String, to target: String, now: Int) throws(Failure) {
        guard entries[source] != nil, source != "/" else { throw Self.notFound }
        guard entries[target] == nil else { throw Failure(kind: .exists, message: "Cannot move or rename file, destination already exists.") }
        if target.hasPrefix(source + "/") { throw Failure(kind: .invalid, message: "Cannot move a folder into itself.") }
        try createDirectory(Self.parent(of: target), now: now)
        for (path, entry) in entries where path == source || path.hasPrefix(source + "/") {
            entries[path] = nil
            entries[target + path.dropFirst(source.count)] = entry
        }
    }

    /// Duplicates a file next to itself as `name copy.ext`, `name copy 1.ext`, ... like the daemon.
    mutating func copy(_ path: String, now: Int) throws(Failure) {
        let content = try read(path)
        let name = Self.name(of: path)
        let parent = Self.parent(of: path)
        let stem: String
        let suffix: String
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot]); suffix = String(name[dot...])
        } else {
            stem = name; suffix = ""
        }
        var attempt = 0
        while true {
            let candidate = stem + (attempt == 0 ? " copy" : " copy \(attempt)") + suffix
            let target = Self.normalize(candidate, root: parent)
            if entries[target] == nil { try write(target, content: content, now: now); return }
            attempt += 1
        }
    }

    mutating func delete(_ path: String) throws(Failure) {
        guard entries[path] != nil, path != "/" else { throw Self.notFound }
        for key in entries.keys where key == path || key.hasPrefix(path + "/") { entries[key] = nil }
    }

    mutating func chmod(_ path: String, mode: Int) throws(Failure) {
        guard entries[path] != nil else { throw Self.notFound }
        entries[path]?.mode = mode
    }

    /// Every file and folder below `path` (inclusive), for archives and sizes.
    func subtree(_ path: String) -> [(String, Entry)] {
        entries.filter { $0.key == path || (path == "/" ? $0.key != "/" : $0.key.hasPrefix(path + "/")) }
            .map { ($0.key, $0.value) }
            .sorted { $0.0 < $1.0 }
    }

    var totalBytes: Int { entries.values.reduce(0) { $0 + $1.content.count } }

    static let notFound = Failure(kind: .notFound, message: "The requested resource was not found on the system.")
}
