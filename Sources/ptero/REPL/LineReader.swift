import CEditLine
import Foundation

/// Where the REPL gets lines: libedit on a terminal, plain stdin otherwise.
protocol LineReader: AnyObject {
    /// A line without its newline; nil at end of input.
    func readLine(prompt: String) -> LineInput
    /// Records a finished entry in the history (never one holding a key).
    func remember(_ entry: String)
    var completer: Completer? { get set }
}

enum LineInput {
    case line(String)
    /// Ctrl-C at the prompt: abandon what was typed.
    case interrupted
    case end
}

func makeLineReader() -> LineReader {
    let environment = ProcessInfo.processInfo.environment
    if StandardStreams.inputIsTerminal && environment["TERM"] != "dumb" {
        return EditLineReader(historyPath: History.path(environment: environment))
    }
    return PlainLineReader()
}

/// Reads lines from stdin, echoing the prompt so a transcript reads naturally.
final class PlainLineReader: LineReader {
    var completer: Completer?

    func readLine(prompt: String) -> LineInput {
        StandardStreams.write(prompt)
        StandardStreams.flush()
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line)
    }

    func remember(_ entry: String) {}
}
