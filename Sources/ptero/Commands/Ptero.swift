import ArgumentParser
import CEditLine
import Foundation
import PteroKit
import PteroLang
import PteroRuntime

/// The `ptero` command: runs scripts, checks them, opens the REPL.
@main
struct Ptero: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ptero",
        abstract: "A scripting language and REPL for Pterodactyl panels.",
        discussion: """
            Run a script with `ptero FILE [ARGS...]` (or as a `#!/usr/bin/env ptero` script), \
            code with `ptero -e CODE`, a script piped on stdin with `ptero < FILE`; \
            with no arguments on a terminal, `ptero` opens the REPL.

            A panel comes from a profile (`ptero login`) or --url; before FILE go \
            --profile NAME, --url URL, --dry-run, --yes, --journal FILE and --insecure \
            (see `ptero help run`), and --format json to make each print() one line of JSON. \
            One of these after FILE is a usage error, not an argument: \
            `ptero FILE -- --yes` passes --yes to the script.

            Exit codes: 0 success, 1 runtime error, 2 usage error, \
            4 a resumed run stopped at a write it cannot judge (see `ptero journal`), \
            65 syntax or name-resolution error, 130 interrupted (Ctrl-C, SIGTERM, SIGHUP). \
            Core dumps are off (they would hold keys) unless PTERO_CORE_DUMPS=1.
            """,
        version: version,
        subcommands: [RunCommand.self, CheckCommand.self, ReplCommand.self, DemoCommand.self, SimCommand.self, LoginCommand.self, JournalCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Words that name a subcommand rather than a script file.
    static var subcommandNames: Set<String> {
        Set(configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
    }

    /// ArgumentParser exits 64 on usage errors; ptero promises 2.
    static func main() {
        ptero_unblock_all_signals()
        ptero_ignore_broken_pipe()
        ptero_ignore_file_size_signal()
        if ProcessInfo.processInfo.environment["PTERO_CORE_DUMPS"] != "1" { ptero_disable_core_dumps() }
        do {
            let words = Array(CommandLine.arguments.dropFirst())
            if let launch = try ScriptLaunch(quick: words) {
                try launch.run()
            }
            try ScriptArguments.checkCommandLine(words)
            var command = try parseAsRoot()
            try command.run()
        } catch let done as ExitCode {
            Foundation.exit(StandardStreams.outputFailureCode() ?? done.rawValue)
        } catch let usage as UsageError {
            StandardStreams.writeError("ptero: \(usage.description)\n")
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch let configuration as ConfigurationError {
            StandardStreams.writeError("ptero: \(configuration.message)\n")
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch let journal as JournalError {
            StandardStreams.writeError("ptero: \(journal.description)\n")
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch let refusal as PanelError {
            StandardStreams.writeError("ptero: \(refusal.fullDescription)\n")
            Foundation.exit(ExitStatus.runtimeError.rawValue)
        } catch let unknown as DetectionError {
            StandardStreams.writeError("ptero: \(unknown.description)\n")
            Foundation.exit(ExitStatus.runtimeError.rawValue)
        } catch let failure as TransportError {
            StandardStreams.writeError("ptero: \(failure.message)\n")
            Foundation.exit(ExitStatus.runtimeError.rawValue)
        } catch {
            let code = exitCode(for: error).rawValue
            if code == 64 || code == 2 {
                StandardStreams.writeError(fullMessage(for: error) + "\n")
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
