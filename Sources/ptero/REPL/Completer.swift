import CEditLine
import PteroLang

/// Answers Tab from the REPL's interpreter.
final class Completer {
    let interpreter: Interpreter
    init(interpreter: Interpreter) { self.interpreter = interpreter }

    func candidates(linePrefix: String) -> [String] {
        interpreter.completions(linePrefix: linePrefix)
    }
}

/// The C hook libedit calls; it reaches the completer through a static,
/// since a C function pointer captures nothing.
enum CompletionBridge {
    nonisolated(unsafe) static var completer: Completer?
    static let wordBreaks = " \t\n\"'`@$><=;|&{(,.[]+-*/%~:!?"

    static let attempt: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, end in
        ptero_set_attempted_completion_over(1)
        guard let completer = CompletionBridge.completer, let buffer = ptero_line_buffer() else { return nil }
        let line = Array(String(cString: buffer).utf8)
        let prefix = String(decoding: line.prefix(Int(end)), as: UTF8.self)
        let matches = completer.candidates(linePrefix: prefix)
        guard !matches.isEmpty else { return nil }
        let result = ptero_allocate_matches(matches.count + 1)!
        let common = matches.count == 1 ? matches[0] : longestCommonPrefix(matches)
        result[0] = ptero_strdup(common)
        if matches.count > 1 {
            for (index, match) in matches.enumerated() { result[index + 1] = ptero_strdup(match) }
        } else {
            ptero_set_completion_append_character(0)
        }
        return result
    }

    static func longestCommonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
