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
    /// libedit keeps this pointer, so it must outlive every call: a Swift
    /// string passed directly is a temporary copy freed when the call returns.
    nonisolated(unsafe) static let wordBreaks: UnsafeMutablePointer<CChar> = ptero_strdup(" \t\n\"'`@$><=;|&{(,.[]+-*/%~:!?")

    static let attempt: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, end in
        ptero_set_attempted_completion_over(1)
        guard let completer = CompletionBridge.completer, let buffer = ptero_line_buffer() else { return nil }
        let line = Array(String(cString: buffer).utf8)
        let cursor = min(Int(end), line.count)
        let prefix = String(decoding: line.prefix(cursor), as: UTF8.self)
        // libedit replaces from `start`, which may lie before our word (it
        // may not break at `.`): keep that part in every match.
        var wordStart = cursor
        while wordStart > 0, isIdentifierByte(line[wordStart - 1]) { wordStart -= 1 }
        let wordBegin = max(0, min(Int(start), cursor))
        let kept = wordBegin < wordStart ? String(decoding: line[wordBegin..<wordStart], as: UTF8.self) : ""
        let matches = completer.candidates(linePrefix: prefix).map { kept + $0 }
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

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 95 || byte >= 0x80
    }

    static func longestCommonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
