#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine
import Synchronization

/// Output through C stdio: buffered when piped, so printing in a loop is
/// cheap; flushed before anything goes to stderr so the two stay in order.
///
/// A failed write to stdout (a full disk, `/dev/full`, a reader that went
/// away) is remembered and raises the interruption flag, so a print loop
/// stops at its next turn instead of printing into nothing forever; the
/// run then ends with `outputFailureCode`.
enum StandardStreams {
    /// The errno of stdout's first failed write, 0 while none failed.
    private static let failure = Atomic<Int32>(0)

    static func write(_ text: String) {
        guard failure.load(ordering: .relaxed) == 0 else { return }
        var text = text
        let written = text.withUTF8 { bytes in fwrite(bytes.baseAddress, 1, bytes.count, ptero_standard_output()) }
        if written < text.utf8.count { noteFailure() }
    }

    static func writeError(_ text: String) {
        flush()
        var text = text
        text.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, ptero_standard_error()) }
        fflush(ptero_standard_error())
    }

    static func flush() {
        guard failure.load(ordering: .relaxed) == 0 else { return }
        if fflush(ptero_standard_output()) != 0 { noteFailure() }
    }

    private static func noteFailure() {
        let code = errno == 0 ? EIO : errno
        guard failure.compareExchange(expected: 0, desired: code, ordering: .relaxed).exchanged else { return }
        // Nothing more can reach stdout: drop what is buffered so exit's own
        // flush cannot fail again, and stop the script.
        _ = ptero_discard_output_buffer()
        Interruption.evaluation.raise()
    }

    /// Flushes stdout; when any write to it failed, the exit code the run
    /// ends with instead of its own: 1, with one line on stderr, except for
    /// a closed pipe (`ptero x.ptero | head -1`), which ends quietly as
    /// Python's documented BrokenPipeError handling does.
    static func outputFailureCode() -> Int32? {
        flush()
        let code = failure.load(ordering: .relaxed)
        guard code != 0 else { return nil }
        if code != EPIPE, !failureReported.exchange(true, ordering: .relaxed) {
            writeError("ptero: cannot write the output: \(String(cString: strerror(code)))\n")
        }
        return ExitStatus.runtimeError.rawValue
    }
    private static let failureReported = Atomic<Bool>(false)

    static var outputFailed: Bool { failure.load(ordering: .relaxed) != 0 }

    static var inputIsTerminal: Bool { isatty(0) == 1 }
    static var outputIsTerminal: Bool { isatty(1) == 1 }
}
