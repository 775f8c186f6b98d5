import ArgumentParser

/// `ptero repl`: the REPL even without a terminal (plain lines from a pipe).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the REPL; without a terminal it reads plain lines, for tests and tools."
    )

    func run() throws {
        throw ExitNow(REPL(reader: makeLineReader()).run())
    }
}
