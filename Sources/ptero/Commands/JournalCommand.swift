import ArgumentParser
import Foundation
import PteroLang
import PteroRuntime

/// `ptero journal FILE`: a journal as a table, and the decision about a
/// write left in flight that the panel does not show done.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Show a run's journal (--journal FILE) as a table, or decide about a write it left in flight.",
        discussion: """
            Each line is one interaction of the script at its step (3.12 is item 12 of the bulk job at step 3): \
            a read, a write and its outcome, or a builtin's answer (now(), env(), read_file(), sleep()). \
            A write whose outcome says "in flight" was sent when the run was killed and its answer never came. \
            When a resumed run stops at one (exit status 4), look at the panel, then give --accept STEP \
            (it took effect: it counts as done) or --retry STEP (it is sent again), and run the script again.
            """
    )

    @Argument(help: "The journal file.") var file: String
    @Option(help: ArgumentHelp("Count the write in flight at STEP as done.", valueName: "STEP")) var accept: String?
    @Option(help: ArgumentHelp("Send the write in flight at STEP again on the next run.", valueName: "STEP")) var retry: String?

    func validate() throws {
        if accept != nil && retry != nil { throw ValidationError("give --accept or --retry, not both") }
    }

    func run() throws {
        if let step = accept ?? retry {
            guard let position = InteractionPosition(parsing: step) else {
                throw UsageError("\(TerminalText.visible(step)) is not a step of a journal (like 3 or 3.12)")
            }
            let journal = try Journal(path: file)
            let request = try journal.decide(position, accept: accept != nil)
            StandardStreams.write(accept != nil
                ? "step \(position), \(TerminalText.visible(request)): counts as done; the next run does not send it\n"
                : "step \(position), \(TerminalText.visible(request)): the next run sends it again\n")
            throw ExitCode(0)
        }
        let journal = try Journal(path: file, appends: false)
        StandardStreams.write(try journal.table())
        throw ExitCode(0)
    }
}
