import ArgumentParser
import Foundation
import PteroLang

/// `ptero FILE [ARGS...]`, `ptero -e CODE`, a script on stdin, or the REPL.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script file, -e code, or a script piped on stdin (the default command)."
    )

    @Option(name: .customShort("e"), help: "Run this code instead of a file; remaining arguments go to `args`.")
    var code: String?

    @Argument(help: "The script to run, then the arguments its `args` list holds.")
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var arguments: [String] = []

    func run() throws {
        if let code {
            let scriptArguments = (file.map { [$0] } ?? []) + arguments
            throw ExitNow(ScriptRunner(arguments: scriptArguments).run(Source(name: "<-e>", text: code)))
        }
        if let file {
            let source = try ScriptRunner.load(path: file)
            throw ExitNow(ScriptRunner(arguments: arguments).run(source))
        }
        if StandardStreams.inputIsTerminal {
            throw ExitNow(REPL(reader: makeLineReader()).run())
        }
        let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        throw ExitNow(ScriptRunner(arguments: []).run(Source(name: "<stdin>", text: text)))
    }
}

/// Ends the process with a code once a command is done.
struct ExitNow: Error {
    let code: Int32
    init(_ code: Int32) { self.code = code }
}
