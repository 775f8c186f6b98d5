import CEditLine
import PteroLang

/// The flags Ctrl-C, SIGTERM and SIGHUP raise: one read by the prompt, one
/// by the interpreter and the write gate, one for a second signal that
/// abandons the requests in flight, one that makes the REPL leave.
/// Static because a signal handler can reach nothing else.
enum Interruption {
    static let atPrompt = InterruptFlag()
    static let evaluation = InterruptFlag()
    /// A signal came while `evaluation` was already raised: stop waiting
    /// for the panel at once (the journal records only what completed).
    static let abandonment = InterruptFlag()
    /// SIGTERM or SIGHUP: stop like Ctrl-C, and the REPL leaves too.
    static let termination = InterruptFlag()

    /// Every signal that asks ptero to stop raises the flags (SIGINT,
    /// SIGTERM, SIGHUP, without SA_RESTART, unblocked), so a supervisor's
    /// SIGTERM lets the writes in flight finish and be journaled, as
    /// Ctrl-C does, instead of killing ptero mid-write.
    static func installHandler() {
        _ = ptero_install_interrupt_handler { signal in
            if Interruption.evaluation.isRaised { Interruption.abandonment.raise() }
            if signal != SIGINT { Interruption.termination.raise() }
            Interruption.atPrompt.raise()
            Interruption.evaluation.raise()
        }
    }

    /// Before a REPL entry runs: an earlier entry's signals are spent.
    static func clearForEvaluation() {
        evaluation.clear()
        abandonment.clear()
    }
}
