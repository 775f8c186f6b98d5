import PteroLang

/// Stands in for `servers` and the other collections when no panel is
/// configured, or for one the connected panel has not got, so a script
/// fails with the reason, not "undeclared name".
final class Disconnected: HostValue {
    /// Why the name has no value here.
    enum State {
        /// No panel is configured; the text says how to connect.
        case notConnected(reason: String)
        /// The panel's dialect lacks it; the text is the whole sentence (DialectAbsence).
        case absent(sentence: String)
    }

    let name: String
    let state: State

    init(name: String, reason: String) {
        self.name = name
        state = .notConnected(reason: reason)
    }

    init(name: String, absence: RuntimeError) {
        self.name = name
        state = .absent(sentence: absence.message)
    }

    var typeName: String { "Query" }
    var displayText: String {
        switch state {
        case .notConnected: "\(name) (not connected)"
        case .absent: "\(name) (not on this panel)"
        }
    }

    private func refuse() -> RuntimeError {
        switch state {
        case .notConnected(reason: let reason): RuntimeError("\(name): \(reason)")
        case .absent(sentence: let sentence): RuntimeError(sentence)
        }
    }

    func member(_ name: String, interpreter: Interpreter) throws -> Value? { throw refuse() }
    func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? { throw refuse() }
    func index(_ key: Value, interpreter: Interpreter) throws -> Value? { throw refuse() }
    func makeIterator(interpreter: Interpreter) throws -> (any HostIterator)? { throw refuse() }
    func filtered(by predicate: Predicate, interpreter: Interpreter) throws -> Value? { throw refuse() }
}
