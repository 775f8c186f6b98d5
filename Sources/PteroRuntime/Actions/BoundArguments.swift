import PteroLang

/// A call's arguments bound to an endpoint's parameter names: positional
/// ones in order, then named ones, each at most once, the required ones
/// present. The messages name the method as the script wrote it.
struct BoundArguments {
    /// Given values in parameter order.
    let values: [(name: String, value: Value)]
    let callee: String

    init(_ arguments: Arguments, callee: String, parameters: [String], required: [String] = []) throws {
        self.callee = callee
        guard arguments.positional.count <= parameters.count else {
            let names = parameters.isEmpty ? "none" : parameters.joined(separator: ", ")
            throw RuntimeError("\(callee)() takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") (\(names)), got \(arguments.positional.count)")
        }
        var given: [String: Value] = [:]
        for (index, value) in arguments.positional.enumerated() { given[parameters[index]] = value }
        for (label, value) in arguments.named {
            guard parameters.contains(label) else {
                var message = "\(callee)() has no argument named '\(label)'"
                if let close = closestName(to: label, among: parameters) { message += "; did you mean '\(close)'?" }
                throw RuntimeError(message + "; it takes " + parameters.map { "\($0):" }.joined(separator: ", "))
            }
            guard given[label] == nil else { throw RuntimeError("\(callee)(): the argument '\(label)' is given twice") }
            given[label] = value
        }
        for name in required where given[name] == nil {
            throw RuntimeError("\(callee)() is missing the argument '\(name)'")
        }
        values = parameters.compactMap { name in given[name].map { (name, $0) } }
    }

    subscript(name: String) -> Value? { values.first { $0.name == name }?.value }

    var isEmpty: Bool { values.isEmpty }

    func string(_ name: String) throws -> String? {
        guard let value = self[name] else { return nil }
        guard case .string(let text) = value else {
            throw RuntimeError("\(callee)(): '\(name)' must be a string, not \(value.describedType)")
        }
        return text
    }

    /// The given values as a JSON object body.
    func body(adding extra: [(String, Value)] = []) -> Value {
        .map(MapObject(values.map { ($0.name, $0.value) } + extra.filter { self[$0.0] == nil }))
    }
}
