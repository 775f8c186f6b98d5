import ArgumentParser
import PteroLang

/// `ptero check FILE...`: parse and resolve without running.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and resolve scripts without running them; report every error.",
        discussion: "Exits 0 when every file is clean, 65 when any has an error, 2 when a file cannot be read."
    )

    @Argument(help: "The scripts to check.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to check") }
    }

    func run() throws {
        var worst: Int32 = 0
        for file in files {
            let source = try ScriptRunner.load(path: file)
            let interpreter = Interpreter(output: { _ in })
            interpreter.importer = FileImporter.load
            let diagnostics = LargeStack.run { interpreter.check(source) }
            if diagnostics.isEmpty { continue }
            StandardStreams.writeError(diagnostics.map(\.description).joined(separator: "\n") + "\n")
            worst = ExitCode.syntaxError.rawValue
        }
        throw ExitNow(worst)
    }
}
