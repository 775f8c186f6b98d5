import CEditLine
import Foundation

/// Asks the person at the terminal before a destructive action.
enum Confirmation {
    /// The longest answer read; the rest of a longer line is dropped.
    static let answerLimit = 256

    /// nil when stdin is not a terminal: nobody can answer, so the write
    /// gate refuses unless `--yes` was given.
    static var onTerminal: (@Sendable (String) -> Bool)? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        return { question in
            StandardStreams.write("\(question)? [y/N] ")
            StandardStreams.flush()
            let answer = readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return answer == "y" || answer == "yes"
        }
    }

    /// A line from the terminal, or nil at its end or on Ctrl-C (SIGTERM,
    /// SIGHUP): read with the key reader, which a signal wakes, since a
    /// plain read went on waiting for Enter after Ctrl-C.
    static func readAnswer() -> String? {
        var bytes: [UInt8] = []
        while true {
            let key = ptero_read_key(STDIN_FILENO) { Interruption.evaluation.isRaised ? 1 : 0 }
            if key == PTERO_KEY_INTERRUPTED {
                StandardStreams.write("\n")
                return nil
            }
            if key == EOF { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if key == 10 { return String(decoding: bytes, as: UTF8.self) }
            if bytes.count < answerLimit { bytes.append(UInt8(truncatingIfNeeded: key)) }
        }
    }
}
