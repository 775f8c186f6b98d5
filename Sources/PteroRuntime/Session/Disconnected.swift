import PteroLang

/// Stands in for `servers` and the other collections when no panel is
/// configured, so a script fails with how to connect, not "undeclared name".
final class Disconnected: HostValue {
    let name: String
    let reason: String

    init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    var typeName: String { "Query" }
    var displayText: String { "\(name) (not connected)" }

    private func refuse() -> RuntimeError { RuntimeError("\(name): \(reason)") }
    func member(_ name: String, interpreter: Interpreter) throws -> Value? { throw refuse() }
    func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? { throw refuse() }
    func index(_ key: Value, interpreter: Interpreter) throws -> Value? { throw refuse() }
    func makeIterator(interpreter: Interpreter) throws -> (any HostIterator)? { throw refuse() }
    func filtered(by predicate: Predicate, interpreter: Interpreter) throws -> Value? { throw refuse() }
}
