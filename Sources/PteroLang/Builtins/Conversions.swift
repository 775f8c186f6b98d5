/// Conversions between types, and the numeric helpers.
extension Builtins {
    static let conversions: [NativeFunction] = [
        NativeFunction("str", help: "str(x) is x as text, as print would show it") { arguments, interpreter in
            try arguments.expect(1...1)
            return .string(try arguments[0].displayText(within: interpreter.limits))
        },
        NativeFunction("int", help: "int(x) converts a float (toward zero), a string or a bool to an integer") { arguments, _ in
            try arguments.expect(1...1)
            switch arguments[0] {
            case .int: return arguments[0]
            case .bool(let flag): return .int(flag ? 1 : 0)
            case .double(let number):
                guard number.isFinite, number > -9.3e18, number < 9.3e18 else {
                    throw RuntimeError("int() cannot convert \(Value.format(number)) to an integer")
                }
                return .int(Int(number))
            case .string(let text):
                let trimmed = text.trimmingWhitespace()
                if let number = Int(trimmed.replacingUnderscores()) { return .int(number) }
                throw RuntimeError("int() cannot convert \(Value.quote(text)) to an integer")
            case let other:
                throw RuntimeError("int() cannot convert \(other.describedType) to an integer")
            }
        },
        NativeFunction("float", help: "float(x) converts an integer or a string to a float") { arguments, _ in
            try arguments.expect(1...1)
            switch arguments[0] {
            case .double: return arguments[0]
            case .int(let number): return .double(Double(number))
            case .string(let text):
                if let number = Double(text.trimmingWhitespace()) { return .double(number) }
                throw RuntimeError("float() cannot convert \(Value.quote(text)) to a float")
            case let other:
                throw RuntimeError("float() cannot convert \(other.describedType) to a float")
            }
        },
    ]

    static let numeric: [NativeFunction] = [
        NativeFunction("abs", help: "abs(x) is the magnitude of a number") { arguments, _ in
            try arguments.expect(1...1)
            switch arguments[0] {
            case .int(let number):
                guard number != Int.min else { throw RuntimeError("integer overflow in abs()") }
                return .int(abs(number))
            case .double(let number): return .double(abs(number))
            case let other: throw RuntimeError("abs() expects a number, got \(other.typeName)")
            }
        },
        NativeFunction("round", help: "round(x, digits) rounds half away from zero; an integer when digits is omitted") { arguments, _ in
            try arguments.expect(1...2)
            let number = try arguments.double(0)
            if arguments.count == 1 {
                let rounded = number.rounded()
                guard rounded.isFinite, abs(rounded) < 9.2e18 else { throw RuntimeError("round() result is too large") }
                return .int(Int(rounded))
            }
            let digits = try arguments.int(1, "number of digits")
            guard (0...15).contains(digits) else { throw RuntimeError("round() expects 0 to 15 digits") }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            return .double((number * scale).rounded() / scale)
        },
        NativeFunction("min", help: "min(a, b, ...) or min(list) is the smallest value") { arguments, interpreter in
            try extreme(arguments, wantLarger: false, limits: interpreter.limits)
        },
        NativeFunction("max", help: "max(a, b, ...) or max(list) is the largest value") { arguments, interpreter in
            try extreme(arguments, wantLarger: true, limits: interpreter.limits)
        },
    ]

    static func extreme(_ arguments: Arguments, wantLarger: Bool, limits: ValueLimits) throws -> Value {
        try arguments.expect(1...Int.max)
        var candidates = arguments.positional
        if candidates.count == 1 {
            switch candidates[0] {
            case .list(let list): candidates = list.items
            case .range(let range): candidates = try range.elements(within: limits)
            default: break
            }
        }
        guard var best = candidates.first else { throw RuntimeError("\(arguments.callee)() of an empty list") }
        for candidate in candidates.dropFirst() {
            guard let order = try? Operators.compare(candidate, best) else {
                throw RuntimeError("\(arguments.callee)() cannot compare \(best.describedType) with \(candidate.describedType)")
            }
            if wantLarger ? order > 0 : order < 0 { best = candidate }
        }
        return best
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
