import Foundation

/// Asks the person at the terminal before a destructive action.
enum Confirmation {
    /// nil when stdin is not a terminal: nobody can answer, so the write
    /// gate refuses unless `--yes` was given.
    static var onTerminal: (@Sendable (String) -> Bool)? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        return { question in
            StandardStreams.write("\(question)? [y/N] ")
            StandardStreams.flush()
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return answer == "y" || answer == "yes"
        }
    }
}
