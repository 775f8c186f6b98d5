import ArgumentParser
import PteroLang

/// `ptero repl`: the REPL even without a terminal (plain lines from a pipe).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the REPL (on a panel with the panel options); without a terminal it reads plain lines, for tests and tools."
    )

    @OptionGroup var panel: PanelOptions

    func run() throws {
        try panel.choice.refuseJournalForREPL()
        let interpreter = Interpreter(output: StandardStreams.write, interruption: Interruption.evaluation)
        let connection = try panel.connect(interpreter, forREPL: true)
        let code = REPL(reader: makeLineReader(), banner: REPLBanner.text(for: connection), interpreter: interpreter).run()
        connection?.close()
        throw ExitCode(code)
    }
}
