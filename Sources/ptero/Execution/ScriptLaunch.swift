import ArgumentParser
import Foundation
import PteroLang

/// What the default command runs: `-e` code, a file, a script on stdin, or
/// the REPL on a terminal. Ends by throwing `ExitCode` with the exit status.
struct ScriptLaunch {
    var code: String?
    var file: String?
    var arguments: [String] = []
    var format: OutputFormat = .text
    var panel = PanelChoice()

    /// The common command lines, `ptero -e CODE [ARGS...]`, `ptero FILE
    /// [ARGS...]` and bare `ptero`, read without ArgumentParser: reflecting
    /// the whole command tree costs about half of ptero's start-up. Nil for
    /// anything else (any option, a subcommand), which ArgumentParser reads
    /// as before. After FILE or `-e CODE` everything is the script's `args`,
    /// except that a ptero option there is a usage error (`ScriptArguments`).
    init?(quick commandLine: [String]) throws(UsageError) {
        guard let first = commandLine.first else { return }
        if first == "-e" {
            guard commandLine.count >= 2 else { return nil }
            code = commandLine[1]
            arguments = try ScriptArguments.split(Array(commandLine.dropFirst(2)), script: "-e CODE")
            return
        }
        guard !first.hasPrefix("-"), !Ptero.subcommandNames.contains(first) else { return nil }
        file = first
        arguments = try ScriptArguments.split(Array(commandLine.dropFirst()), script: first)
    }

    init(code: String?, file: String?, arguments: [String], format: OutputFormat, panel: PanelChoice) {
        self.code = code
        self.file = file
        self.arguments = arguments
        self.format = format
        self.panel = panel
    }

    func run() throws {
        if let code {
            let scriptArguments = (file.map { [$0] } ?? []) + arguments
            throw ExitCode(try runScript(Source(name: "<-e>", text: code), arguments: scriptArguments))
        }
        if let file {
            let source = try ScriptRunner.load(path: file)
            throw ExitCode(try runScript(source, arguments: arguments))
        }
        if StandardStreams.inputIsTerminal {
            try panel.refuseJournalForREPL()
            let interpreter = Interpreter(output: StandardStreams.write, interruption: Interruption.evaluation)
            interpreter.printsJSON = format == .json
            let connection = try panel.connect(interpreter, forREPL: true)
            let code = REPL(reader: makeLineReader(), banner: REPLBanner.text(for: connection), interpreter: interpreter).run()
            connection?.close()
            throw ExitCode(code)
        }
        let text = try ScriptFile.read(descriptor: STDIN_FILENO, name: "the script on stdin")
        throw ExitCode(try runScript(Source(name: "<stdin>", text: text), arguments: []))
    }

    private func runScript(_ source: Source, arguments: [String]) throws -> Int32 {
        let runner = ScriptRunner(arguments: arguments)
        runner.interpreter.printsJSON = format == .json
        let connection = try panel.connect(runner.interpreter)
        if let connection {
            do {
                try UpFrontConfirmation.check(source, panel: panel)
                if let journal = connection.gate.journal {
                    try journal.begin(script: Self.scriptIdentity(source), source: source.text, arguments: arguments)
                    for notice in journal.notices { StandardStreams.writeError("ptero: \(notice)\n") }
                }
            } catch {
                connection.close(summarize: false)
                throw error
            }
        }
        let code = runner.run(source)
        connection?.close(finished: code == ExitStatus.success.rawValue)
        // The run stopped at a write in flight it cannot judge: the person
        // decides with `ptero journal FILE --accept/--retry STEP`.
        if connection?.gate.journal?.needsDecision == true { return ExitStatus.journalNeedsDecision.rawValue }
        return code
    }

    /// What names the script in its journal: the file's absolute path, or
    /// `-e` / `<stdin>` (whose source hash then tells runs apart).
    static func scriptIdentity(_ source: Source) -> String {
        guard !source.name.hasPrefix("<") else { return source.name }
        return URL(fileURLWithPath: source.name).standardizedFileURL.path
    }
}
