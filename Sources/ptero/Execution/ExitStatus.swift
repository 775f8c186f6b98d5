import ArgumentParser

/// The exit codes `ptero` promises in `--help` and the README.
///
/// How ptero exits, one way: a command that is done throws ArgumentParser's
/// `ExitCode` with one of these (`throw ExitCode(ExitStatus.success)`), a
/// mistake in how ptero was invoked throws `UsageError` (its message, then
/// 2), and `Ptero.main` turns either into the process's exit.
enum ExitStatus: Int32 {
    case success = 0
    case runtimeError = 1
    case usage = 2
    /// The journal holds a write in flight that the panel does not show
    /// done: the person decides (`ptero journal FILE --accept/--retry STEP`).
    case journalNeedsDecision = 4
    /// EX_DATAERR: the script did not parse or resolve.
    case syntaxError = 65
    /// Ctrl-C, SIGTERM or SIGHUP stopped the run (128 + SIGINT, as shells report it).
    case interrupted = 130
}

extension ExitCode {
    /// The exit of a command that ends with `status`.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
