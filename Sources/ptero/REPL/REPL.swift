import CEditLine
import Foundation
import PteroLang
import PteroRuntime

/// The read-eval-print loop: Lua-style continuation while input is
/// unfinished, results echoed (panel objects as tables), Ctrl-C abandons input or stops a running
/// evaluation, Ctrl-D leaves.
final class REPL {
    let reader: LineReader
    let interpreter: Interpreter
    let banner: String

    static let prompt = "ptero> "
    static let continuationPrompt = "   ... "
    static let standardBanner = "ptero \(Ptero.version): type help for help, Ctrl-D to leave."

    init(reader: LineReader, banner: String = REPL.standardBanner, interpreter: Interpreter? = nil) {
        self.reader = reader
        self.banner = banner
        self.interpreter = interpreter ?? Interpreter(output: StandardStreams.write, interruption: Interruption.evaluation)
        self.interpreter.importer = FileImporter.load
        reader.completer = Completer(interpreter: self.interpreter)
        Interruption.installHandler()
    }

    /// Runs until end of input; returns the exit code.
    func run() -> Int32 {
        StandardStreams.write(banner + "\n")
        var pending = ""
        while true {
            switch reader.readLine(prompt: pending.isEmpty ? REPL.prompt : REPL.continuationPrompt) {
            case .end:
                if reader is PlainLineReader == false { StandardStreams.write("\n") }
                StandardStreams.flush()
                return ExitCode.success.rawValue
            case .interrupted:
                if let code = leavingCode() { return code }
                StandardStreams.write("^C\n")
                pending = ""
            case .line(let line):
                if pending.isEmpty {
                    let command = line.trimmingCharacters(in: .whitespaces)
                    if command.isEmpty { continue }
                    if command == "help" {
                        StandardStreams.write(interpreter.helpText(for: nil) + "\n")
                        continue
                    }
                    if command == "exit" || command == "quit" { return ExitCode.success.rawValue }
                }
                pending += pending.isEmpty ? line : "\n" + line
                if needsMore(pending) { continue }
                reader.remember(pending)
                if let code = evaluate(pending) ?? leavingCode() { return code }
                pending = ""
            }
        }
    }

    /// Why the REPL must end now, if it must: SIGTERM or SIGHUP (130), or
    /// stdout that can no longer be written (1).
    func leavingCode() -> Int32? {
        if StandardStreams.outputFailed { return ExitCode.runtimeError.rawValue }
        if Interruption.termination.isRaised { return ExitCode.interrupted.rawValue }
        return nil
    }

    /// True while the entry stops in the middle of a statement.
    func needsMore(_ text: String) -> Bool {
        do {
            _ = try Parser.parse(Source(name: "<repl>", text: text))
            return false
        } catch {
            return error.isIncompleteInput
        }
    }

    /// Runs one entry, echoing its value; returns an exit code to leave with.
    func evaluate(_ text: String) -> Int32? {
        let interpreter = self.interpreter
        let source = Source(name: "<repl>", text: text)
        Interruption.clearForEvaluation()
        let width = TerminalWidth.current()
        // The echo may read the panel (a query's first rows), so it runs on the
        // same stack and stops on the same Ctrl-C as the evaluation.
        let outcome = LargeStack.run { () -> Result<String?, Error> in
            Result {
                let value = try interpreter.run(source, echo: true)
                return value.isNull ? nil : try ReplEcho.text(for: value, interpreter: interpreter, width: width)
            }
        }
        // A Ctrl-C that stopped the evaluation must not also abandon the next line.
        Interruption.atPrompt.clear()
        switch outcome {
        case .success(let text):
            if let text { StandardStreams.write(text + "\n") }
        case .failure(let request as ExitRequest):
            return request.code
        case .failure(let error):
            _ = ScriptRunner.report(error)
        }
        StandardStreams.flush()
        return nil
    }
}
