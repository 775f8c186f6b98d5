#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CEditLine

/// Output through C stdio: buffered when piped, so printing in a loop is
/// cheap; flushed before anything goes to stderr so the two stay in order.
enum StandardStreams {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, ptero_standard_output()) }
    }

    static func writeError(_ text: String) {
        fflush(ptero_standard_output())
        var text = text
        text.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, ptero_standard_error()) }
        fflush(ptero_standard_error())
    }

    static func flush() {
        fflush(ptero_standard_output())
    }

    static var inputIsTerminal: Bool { isatty(0) == 1 }
    static var outputIsTerminal: Bool { isatty(1) == 1 }
}
