import CEditLine
import PteroLang

/// The flags Ctrl-C raises: one read by the prompt, one by the interpreter.
/// Static because a signal handler can reach nothing else.
enum Interruption {
    static let atPrompt = InterruptFlag()
    static let evaluation = InterruptFlag()

    /// Ctrl-C raises both flags (SIGINT without SA_RESTART, unblocked).
    static func installHandler() {
        _ = ptero_install_interrupt_handler { _ in
            Interruption.atPrompt.raise()
            Interruption.evaluation.raise()
        }
    }
}
