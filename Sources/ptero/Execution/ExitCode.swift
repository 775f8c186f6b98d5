/// The exit codes `ptero` promises in `--help` and the README.
enum ExitCode: Int32 {
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
