import Foundation
import PteroLang

/// Runs a whole script (a file, `-e` code, or piped stdin) and turns its
/// outcome into an exit code, with every diagnostic on stderr.
struct ScriptRunner {
    let interpreter: Interpreter

    init(arguments: [String]) {
        interpreter = Interpreter(output: StandardStreams.write, interruption: Interruption.evaluation)
        interpreter.globals.defineConstant("args", .list(ListObject(arguments.map { .string($0) })))
        interpreter.importer = FileImporter.load
    }

    /// Parses and runs on a large stack; returns the process exit code.
    func run(_ source: Source) -> Int32 {
        let interpreter = self.interpreter
        let code = LargeStack.run { () -> Int32 in
            do {
                try interpreter.run(source)
                return ExitStatus.success.rawValue
            } catch {
                // A failed stdout stopped the script (as an interruption).
                if StandardStreams.outputFailed { return ExitStatus.runtimeError.rawValue }
                return ScriptRunner.report(error)
            }
        }
        return StandardStreams.outputFailureCode() ?? code
    }

    /// Prints an error the way the README promises; returns its exit code.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let diagnostics as Diagnostics:
            StandardStreams.writeError(diagnostics.description + "\n")
            return ExitStatus.syntaxError.rawValue
        case let failure as RuntimeError:
            StandardStreams.writeError((failure.diagnostic?.description ?? "error: \(failure.message)") + "\n")
            return ExitStatus.runtimeError.rawValue
        case let request as ExitRequest:
            return request.code
        case is Interrupted:
            StandardStreams.writeError("interrupted\n")
            return ExitStatus.interrupted.rawValue
        default:
            StandardStreams.writeError("error: \(error)\n")
            return ExitStatus.runtimeError.rawValue
        }
    }

    /// Reads a source file; a missing or unreadable file is a usage error.
    static func load(path: String) throws -> Source {
        Source(name: path, text: try ScriptFile.read(path: path))
    }
}

/// A mistake in how `ptero` was invoked: exit code 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
