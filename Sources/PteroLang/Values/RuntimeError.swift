/// An error raised while running: by `error(...)`, a builtin, or the
/// interpreter. The evaluator attaches the place of the failing call.
public struct RuntimeError: Error, @unchecked Sendable {
    public var message: String
    /// Extra fields a `catch` sees beside `message` (a panel's status, ...).
    public var details: [(String, Value)]
    /// Extra lines shown under the caret (a panel's field errors, a trace).
    public var notes: [String]
    public var source: Source?
    public var range: SourceRange?
    /// False for "stack depth exceeded": a `try` that caught it would run
    /// its handler at the deepest level, which recurses again, and a
    /// recursion through `try` took 2^10000 turns to give up.
    public var isCatchable = true

    public init(_ message: String, details: [(String, Value)] = [], notes: [String] = []) {
        self.message = message
        self.details = details
        self.notes = notes
    }

    public func located(_ source: Source, _ range: SourceRange) -> RuntimeError {
        guard self.source == nil else { return self }
        var copy = self
        copy.source = source
        copy.range = range
        return copy
    }

    /// What reaches the script of an error thrown at the host seam (a host
    /// value, a builtin, the panel session): a `RuntimeError` as it is; any
    /// other error becomes one with its text, so `try`/`catch` catches it and
    /// it is shown with its place, never escaping the language unplaced.
    /// Only the unwinding of the run itself passes through: `exit()`,
    /// Ctrl-C, and an imported file's syntax errors.
    public static func crossingSeam(_ error: Error) -> Error {
        switch error {
        case is RuntimeError, is ExitRequest, is Interrupted, is Diagnostics: return error
        case let described as CustomStringConvertible: return RuntimeError(described.description)
        default: return RuntimeError(String(describing: error))
        }
    }

    /// The caret diagnostic for display.
    public var diagnostic: Diagnostic? {
        guard let source, let range else { return nil }
        return Diagnostic(.runtime, message, source: source, range: range, notes: notes)
    }
}
