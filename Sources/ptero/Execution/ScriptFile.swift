#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PteroLang

/// Reads a script from a file or stdin, with a reason a person can act on
/// when it cannot: `ptero /tmp` is a folder, `ptero /dev/zero` would read
/// forever, and a name holding escape sequences is shown, not obeyed.
enum ScriptFile {
    /// The largest script ptero reads: far above any real migration, low
    /// enough that a mistaken `ptero < /dev/urandom` ends with a message.
    static let sizeLimit = 16 << 20

    /// The file's text; a missing, unreadable or unsuitable file is a usage error.
    static func read(path: String) throws(UsageError) -> String {
        let shown = TerminalText.visible(path)
        var status = stat()
        guard stat(path, &status) == 0 else { throw UsageError("cannot read \(shown): \(reason(errno))") }
        let kind = status.st_mode & mode_t(S_IFMT)
        if kind == mode_t(S_IFDIR) { throw UsageError("cannot read \(shown): it is a folder, not a script") }
        // Regular files, and pipes such as `ptero <(command)`; a device
        // (`/dev/zero`, a terminal) or a socket is no script.
        guard kind == mode_t(S_IFREG) || kind == mode_t(S_IFIFO) else {
            throw UsageError("cannot read \(shown): it is not a regular file")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw UsageError("cannot read \(shown): \(reason(errno))") }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, name: shown)
    }

    /// All of `descriptor` up to `sizeLimit`; `name` says what it is in an error.
    static func read(descriptor: Int32, name: String) throws(UsageError) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(descriptor, &chunk, chunk.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw UsageError("cannot read \(name): \(reason(errno))")
            }
            bytes += chunk[0..<count]
            if bytes.count > sizeLimit {
                throw UsageError("cannot read \(name): a script may be at most 16 MiB")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "it is a folder, not a script"
        default: String(cString: strerror(code))
        }
    }
}
