import PteroLang

/// The flags Ctrl-C raises: one read by the prompt, one by the interpreter.
/// Static because a signal handler can reach nothing else.
enum Interruption {
    static let atPrompt = InterruptFlag()
    static let evaluation = InterruptFlag()
}
