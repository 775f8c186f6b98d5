import CEditLine
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asks for a line on the terminal without echoing it (for keys); from a
/// pipe it reads a plain line, so `ptero login` can be scripted. Echo comes
/// back on every path, a Ctrl-C while it waits included (`ptero_secret_echo_off`).
enum SecretPrompt {
    static func read(_ prompt: String) -> String? {
        StandardStreams.writeError(prompt)
        guard isatty(STDIN_FILENO) == 1, ptero_secret_echo_off(STDIN_FILENO) == 0 else {
            return Swift.readLine(strippingNewline: true)
        }
        defer {
            ptero_secret_echo_on()
            StandardStreams.writeError("\n")
        }
        return Swift.readLine(strippingNewline: true)
    }

    static func readVisible(_ prompt: String) -> String? {
        StandardStreams.writeError(prompt)
        return Swift.readLine(strippingNewline: true)
    }
}
