import ArgumentParser
import PteroLang
import PteroRuntime

/// `ptero check FILE...`: parse and resolve without running. The panel's
/// globals are known (as they are when a script runs), and the fields and
/// methods a script names on them are checked too.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and resolve scripts without running them; report every error.",
        discussion: "Knows the panel's globals (servers, nodes, ..., client, account) and reports a field or method they do not have, "
            + "with \"did you mean\". Exits 0 when every file is clean, 65 when any has an error, 2 when a file cannot be read."
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
            PanelGlobals.installDisconnected(into: interpreter, reason: "not connected")
            let diagnostics = LargeStack.run {
                (interpreter.check(source) + PanelNameCheck.diagnostics(for: source, globals: interpreter.globals))
                    .sorted { $0.range.start < $1.range.start }
            }
            if diagnostics.isEmpty { continue }
            StandardStreams.writeError(diagnostics.map(\.description).joined(separator: "\n") + "\n")
            worst = ExitStatus.syntaxError.rawValue
        }
        throw ExitCode(worst)
    }
}
