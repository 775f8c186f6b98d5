import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the text of a file a script names (`read_file`, `import`), or
/// fails with a reason a person can act on. Only regular files are read, and
/// only up to a size: `/dev/zero` read forever into memory, a FIFO blocked
/// the script until something wrote to it, and a folder gave a Swift dump.
enum TextFile {
    /// Why a file cannot be read, without the path (the caller says which file).
    struct Refusal: Error {
        let reason: String
    }

    /// The UTF-8 text of the regular file at `path`, at most `maximumBytes` long.
    static func read(_ path: String, maximumBytes: Int) throws -> String {
        // Opened without blocking, then looked at: opening a FIFO waits for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Refusal(reason: reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Refusal(reason: reason(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Refusal(reason: "it is a folder")
        case S_IFCHR, S_IFBLK: throw Refusal(reason: "it is a device, not a file")
        case S_IFIFO: throw Refusal(reason: "it is a pipe (FIFO), not a file")
        case S_IFSOCK: throw Refusal(reason: "it is a socket, not a file")
        default: throw Refusal(reason: "it is not a regular file")
        }
        if status.st_size > maximumBytes { throw tooLarge(maximumBytes) }
        // Read to the end even so: a file can grow after `fstat`, and /proc reports size 0.
        var data = Data()
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = readBytes(descriptor, buffer, chunk)
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal(reason: reason(errno))
            }
            if count == 0 { break }
            guard data.count + count <= maximumBytes else { throw tooLarge(maximumBytes) }
            data.append(buffer.assumingMemoryBound(to: UInt8.self), count: count)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw Refusal(reason: "it is not UTF-8 text") }
        return text
    }

    private static func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func tooLarge(_ maximumBytes: Int) -> Refusal {
        Refusal(reason: "it is larger than the limit of \(maximumBytes) bytes")
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a folder on its path is a file"
        case ELOOP: return "too many symbolic links"
        case ENAMETOOLONG: return "the name is too long"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
