import ArgumentParser
import Foundation
import PteroLang
import PteroRuntime

/// `ptero FILE [ARGS...]`, `ptero -e CODE`, a script on stdin, or the REPL.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script file, -e code, or a script piped on stdin (the default command).",
        discussion: "The panel options and --format go before FILE: everything after FILE is the script's `args`."
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
        if let code {
            let scriptArguments = (file.map { [$0] } ?? []) + arguments
            throw ExitNow(try runScript(Source(name: "<-e>", text: code), arguments: scriptArguments))
        }
        if let file {
            let source = try ScriptRunner.load(path: file)
            throw ExitNow(try runScript(source, arguments: arguments))
        }
        if StandardStreams.inputIsTerminal {
            let interpreter = Interpreter(output: StandardStreams.write, interruption: Interruption.evaluation)
            interpreter.printsJSON = format == .json
            let connection = try panel.connect(interpreter)
            let code = REPL(reader: makeLineReader(), interpreter: interpreter).run()
            connection?.close()
            throw ExitNow(code)
        }
        let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        throw ExitNow(try runScript(Source(name: "<stdin>", text: text), arguments: []))
    }

    private func runScript(_ source: Source, arguments: [String]) throws -> Int32 {
        let runner = ScriptRunner(arguments: arguments)
        runner.interpreter.printsJSON = format == .json
        let connection = try panel.connect(runner.interpreter)
        let code = runner.run(source)
        connection?.close()
        return code
    }
}

/// Ends the process with a code once a command is done.
struct ExitNow: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}
