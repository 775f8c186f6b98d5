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

    /// Set while an entry with an error waits for its block to close.
    private var broken = BrokenEntry()

    static let prompt = "ptero> "
    static let continuationPrompt = "   ... "
    static let standardBanner = "ptero \(Ptero.version): type help for help, Ctrl-D to leave."

    init(reader: LineReader, banner: String = REPL.standardBanner, interpreter: Interpreter? = nil) {
        self.reader = reader
        self.banner = banner
        self.interpreter = interpreter ?? Interpreter(output: StandardStreams.write, interruption: Interruption.evaluation)
        self.interpreter.importer = FileImporter.load
        // The live console needs someone at a terminal: the REPL's own builtin.
        self.interpreter.globals.defineConstant("attach", .native(Attach.function))
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
                return ExitStatus.success.rawValue
            case .interrupted:
                if let code = leavingCode() { return code }
                StandardStreams.write("^C\n")
                pending = ""
                broken = BrokenEntry()
            case .line(let line):
                if pending.isEmpty {
                    let command = line.trimmingCharacters(in: .whitespaces)
                    if command.isEmpty { continue }
                    if command == "help" {
                        StandardStreams.write(interpreter.helpText(for: nil) + "\n")
                        continue
                    }
                    if command == "exit" || command == "quit" { return ExitStatus.success.rawValue }
                }
                pending += pending.isEmpty ? line : "\n" + line
                switch EntryState(pending) {
                case .open:
                    continue
                case .brokenAndOpen(let errors):
                    broken.show(errors, open: true)
                    continue
                case .complete(let errors):
                    reader.remember(pending)
                    if broken.isEmpty {
                        if let code = evaluate(pending) ?? leavingCode() { return code }
                    } else {
                        // Nothing of a broken entry runs, not even its
                        // lines after the error.
                        broken.show(errors, open: false)
                    }
                    pending = ""
                    broken = BrokenEntry()
                }
            }
        }
    }

    /// Why the REPL must end now, if it must: SIGTERM or SIGHUP (130), or
    /// stdout that can no longer be written (1).
    func leavingCode() -> Int32? {
        if StandardStreams.outputFailed { return ExitStatus.runtimeError.rawValue }
        if Interruption.termination.isRaised { return ExitStatus.interrupted.rawValue }
        return nil
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

/// The errors of an entry that broke inside a still open block, each
/// printed once while the rest of the block is read.
struct BrokenEntry {
    private var shown: Set<String> = []
    var isEmpty: Bool { shown.isEmpty }

    /// Prints the errors not yet shown; `open` while the block still is.
    mutating func show(_ errors: [Diagnostic], open: Bool) {
        let first = shown.isEmpty
        for error in errors where shown.insert(error.description).inserted {
            StandardStreams.writeError(error.description + "\n")
        }
        if first && open && !shown.isEmpty {
            StandardStreams.writeError("(nothing of this entry runs; finish its block, or Ctrl-C to drop it)\n")
        }
    }
}

/// Where the lines typed so far stand. An entry with an error inside a
/// block that is still open is read to the block's end and then dropped:
/// running its later lines one by one would run them outside the block
/// (an inner `s.build(...)` on an older `s`).
enum EntryState {
    /// Parses, or fails with nothing left open (evaluation reports it).
    case complete([Diagnostic])
    /// Stops in the middle of a statement and nothing is wrong yet.
    case open
    /// Has these errors and still has a block or bracket open.
    case brokenAndOpen([Diagnostic])

    init(_ text: String) {
        do {
            _ = try Parser.parse(Source(name: "<repl>", text: text))
            self = .complete([])
        } catch {
            let real = error.all.filter { !$0.isUnexpectedEnd }
            if error.isIncompleteInput {
                self = .open
            } else if error.all.last?.isUnexpectedEnd == true {
                self = .brokenAndOpen(real)
            } else {
                self = .complete(real)
            }
        }
    }
}

