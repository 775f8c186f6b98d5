import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asks for a line on the terminal without echoing it (for keys); from a
/// pipe it reads a plain line, so `ptero login` can be scripted.
enum SecretPrompt {
    static func read(_ prompt: String) -> String? {
        StandardStreams.writeError(prompt)
        StandardStreams.flush()
        guard isatty(STDIN_FILENO) == 1 else { return Swift.readLine(strippingNewline: true) }
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            StandardStreams.writeError("\n")
        }
        return Swift.readLine(strippingNewline: true)
    }

    static func readVisible(_ prompt: String) -> String? {
        StandardStreams.writeError(prompt)
        StandardStreams.flush()
        return Swift.readLine(strippingNewline: true)
    }
}
