/// The arguments of a call into Swift, with readers that fail with the
/// message a script author needs ("sort(by:) expects a function").
public struct Arguments {
    public var positional: [Value]
    public var named: [(label: String, value: Value)]
    /// How the callee is named in errors, e.g. `len` or `list.push`.
    public var callee: String

    public init(_ positional: [Value] = [], named: [(label: String, value: Value)] = [], callee: String = "") {
        self.positional = positional
        self.named = named
        self.callee = callee
    }

    public var count: Int { positional.count }

    /// Fails unless the positional count is within `range` and every label is known.
    public func expect(_ range: ClosedRange<Int>, labels: [String] = []) throws {
        for (label, _) in named where !labels.contains(label) {
            let known = labels.isEmpty ? "it takes no named arguments" : "it takes " + labels.map { "\($0):" }.joined(separator: ", ")
            let guess = closestName(to: label, among: labels).map { "did you mean '\($0)'?; " } ?? ""
            throw RuntimeError("\(callee)() has no argument named '\(label)'; \(guess)\(known)")
        }
        if positional.count < range.lowerBound {
            let what = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "at least \(range.lowerBound)"
            throw RuntimeError("\(callee)() expects \(what) argument\(range.lowerBound == 1 ? "" : "s"), got \(positional.count)")
        }
        if positional.count > range.upperBound {
            let what = range.lowerBound == range.upperBound ? "\(range.upperBound)" : "at most \(range.upperBound)"
            throw RuntimeError("\(callee)() expects \(what) argument\(range.upperBound == 1 ? "" : "s"), got \(positional.count)")
        }
    }

    public subscript(index: Int) -> Value { index < positional.count ? positional[index] : .null }

    public func labeled(_ label: String) -> Value? { named.first { $0.label == label }?.value }

    public func int(_ index: Int, _ what: String = "argument") throws -> Int {
        switch self[index] {
        case .int(let number): return number
        case .double(let number) where number == number.rounded() && abs(number) < 9.2e18: return Int(number)
        case let other: throw RuntimeError("\(callee)(): the \(what) must be an integer, not \(other.describedType)")
        }
    }

    public func double(_ index: Int, _ what: String = "argument") throws -> Double {
        switch self[index] {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case let other: throw RuntimeError("\(callee)(): the \(what) must be a number, not \(other.describedType)")
        }
    }

    public func string(_ index: Int, _ what: String = "argument") throws -> String {
        guard case .string(let text) = self[index] else {
            throw RuntimeError("\(callee)(): the \(what) must be a string, not \(self[index].describedType)")
        }
        return text
    }

    public func function(_ value: Value, _ what: String) throws -> Value {
        switch value {
        case .closure, .native: return value
        case .host: return value
        default: throw RuntimeError("\(callee)() expects a function \(what), not \(value.describedType)")
        }
    }
}

/// `exit(code)`: unwinds everything, caught only by the command.
public struct ExitRequest: Error {
    public let code: Int32
}

/// Ctrl-C during evaluation.
public struct Interrupted: Error {
    public init() {}
}
