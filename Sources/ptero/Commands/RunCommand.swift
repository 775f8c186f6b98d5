import ArgumentParser

/// `ptero FILE [ARGS...]`, `ptero -e CODE`, a script on stdin, or the REPL.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script file, -e code, or a script piped on stdin (the default command).",
        discussion: """
            The panel options and --format go before FILE (or -e CODE): what follows FILE is the script's `args`, \
            and a ptero option there (--dry-run, --yes, --journal, --profile, --url, --insecure, --format) is a usage error; \
            after -- everything goes to the script.
            """
    )

    @Option(name: .customShort("e"), help: "Run this code instead of a file; remaining arguments go to `args`.")
    var code: String?

    @Argument(help: "The script to run, then the arguments its `args` list holds.")
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var arguments: [String] = []

    @Option(help: "How print() writes: text, or json, one JSON value a line (an array for several values); errors stay text on stderr.")
    var format: OutputFormat = .text

    @OptionGroup var panel: PanelOptions

    func run() throws {
        // The script's words as the command line has them: ArgumentParser
        // may take the word after `-e CODE --` for FILE.
        let words = try ScriptArguments.checkCommandLine(Array(CommandLine.arguments.dropFirst())) ?? []
        try ScriptLaunch(code: code, file: code == nil ? file : nil, arguments: words, format: format, panel: panel.choice).run()
    }
}
