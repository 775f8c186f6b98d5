import CEditLine
import Foundation

/// Line editing, history and completion through libedit's readline API.
final class EditLineReader: LineReader {
    let historyPath: String?
    var completer: Completer? {
        didSet { CompletionBridge.completer = completer }
    }

    init(historyPath: String?) {
        self.historyPath = historyPath
        // Before libedit starts: it decodes typed bytes by LC_CTYPE, and in
        // the C locale a typed `é` never reaches the line.
        _ = ptero_use_utf8_character_locale()
        // libedit keeps the pointer; a literal passed directly is not promised to last.
        ptero_set_readline_name(ptero_strdup("ptero"))
        ptero_set_getc_function(EditLineReader.readKey)
        ptero_set_catch_signals(0)
        // libedit resets the completion settings when it initializes lazily,
        // so initialize first and set them after.
        _ = rl_initialize()
        using_history()
        stifle_history(History.limit)
        if let historyPath {
            History.prepare(historyPath)
            _ = read_history(historyPath)
        }
        ptero_set_completer_word_break_characters(CompletionBridge.wordBreaks)
        ptero_set_completion_function(CompletionBridge.attempt)
    }

    func readLine(prompt: String) -> LineInput {
        StandardStreams.flush()
        // The flag is not cleared here: a Ctrl-C typed just before the
        // prompt appears still abandons that line (the REPL clears it
        // after each evaluation instead).
        guard let raw = readline(prompt) else {
            if Interruption.atPrompt.isRaised {
                Interruption.atPrompt.clear()
                return .interrupted
            }
            return .end
        }
        defer { free(raw) }
        if Interruption.atPrompt.isRaised {
            Interruption.atPrompt.clear()
            return .interrupted
        }
        return .line(String(cString: raw))
    }

    /// Reads keys for libedit, a whole UTF-8 character at a time (libedit
    /// takes the value as one wide character); a Ctrl-C ends the read as if
    /// input ended, and `readLine` tells the two apart by the flag.
    static let readKey: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
        let key = ptero_read_character(stream.map { fileno($0) } ?? STDIN_FILENO) {
            Interruption.atPrompt.isRaised ? 1 : 0
        }
        return key == PTERO_KEY_INTERRUPTED ? EOF : key
    }

    func remember(_ entry: String) {
        guard History.mayRemember(entry) else { return }
        add_history(entry)
        guard let historyPath else { return }
        stifle_history(History.limit)
        if write_history(historyPath) == 0 {
            chmod(historyPath, 0o600)
        }
    }
}

