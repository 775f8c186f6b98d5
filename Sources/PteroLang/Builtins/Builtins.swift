import Foundation

/// The global functions every program starts with.
enum Builtins {
    static func install(in interpreter: Interpreter) {
        for function in all {
            interpreter.globals.defineConstant(function.name, .native(function))
        }
        interpreter.globals.defineConstant("args", .list(ListObject()))
    }

    static let all: [NativeFunction] = core + conversions + numeric + tables + files

    static let core: [NativeFunction] = [
        NativeFunction("print", help: "print(values..., separator: \" \") writes the values and a newline; with --format json, one JSON line (an array for several values)") { arguments, interpreter in
            try arguments.expect(0...Int.max, labels: ["separator"])
            var separator = " "
            if let given = arguments.labeled("separator") {
                guard case .string(let text) = given else { throw RuntimeError("print() expects a string separator") }
                separator = text
            }
            if interpreter.printsJSON {
                // One JSON value a line, for tools reading `ptero --format json`.
                let values = arguments.positional
                let printed = values.count == 1 ? values[0] : Value(values)
                interpreter.output(try JSON.encode(printed, indent: 0, interpreter: interpreter, caller: "print() with --format json") + "\n")
                return .null
            }
            interpreter.output(try arguments.positional.map { try $0.displayText(within: interpreter.limits) }.joined(separator: separator) + "\n")
            return .null
        },
        NativeFunction("len", help: "len(x) counts the characters of a string or the elements of a list, map or range") { arguments, interpreter in
            try arguments.expect(1...1)
            switch arguments[0] {
            case .string(let text): return .int(text.count)
            case .list(let list): return .int(list.items.count)
            case .map(let map): return .int(map.count)
            case .range(let range): return .int(range.count)
            case .host(let host):
                if let count = try host.member("count", interpreter: interpreter) { return count }
                fallthrough
            default: throw RuntimeError("len() cannot measure \(arguments[0].describedType)")
            }
        },
        NativeFunction("type", help: "type(x) names the type of x: \"int\", \"string\", \"list\", \"Server\", ...") { arguments, _ in
            try arguments.expect(1...1)
            return .string(arguments[0].typeName)
        },
        NativeFunction("error", help: "error(message) raises an error that 'try ... catch e' can catch") { arguments, _ in
            try arguments.expect(1...2)
            var details: [(String, Value)] = []
            if case .map(let map) = arguments[1] {
                for (key, value) in map.entries { if case .string(let name) = key { details.append((name, value)) } }
            }
            throw RuntimeError(arguments[0].displayText, details: details)
        },
        NativeFunction("assert", help: "assert(condition, message) raises an error when the condition is false") { arguments, _ in
            try arguments.expect(1...2)
            guard case .bool(let holds) = arguments[0] else {
                throw RuntimeError("assert() expects true or false, got \(arguments[0].typeName)")
            }
            if !holds {
                throw RuntimeError(arguments.count > 1 ? "assertion failed: \(arguments[1].displayText)" : "assertion failed")
            }
            return .null
        },
        NativeFunction("env", help: "env(name, default) reads an environment variable; null (or the default) when unset") { arguments, interpreter in
            try arguments.expect(1...2)
            let name = try arguments.string(0, "variable name")
            let value = try interpreter.outside("env(\(Value.quote(name)))") {
                ProcessInfo.processInfo.environment[name].map(Value.string) ?? .null
            }
            if case .null = value { return arguments[1] }
            return value
        },
        NativeFunction("exit", help: "exit(code) ends the script with that exit code (0 by default)") { arguments, _ in
            try arguments.expect(0...1)
            let code = arguments.count == 0 ? 0 : try arguments.int(0, "exit code")
            guard (0...255).contains(code) else { throw RuntimeError("exit() expects a code from 0 to 255, got \(code)") }
            throw ExitRequest(code: Int32(code))
        },
        NativeFunction("sleep", help: "sleep(seconds) pauses; Ctrl-C interrupts it") { arguments, interpreter in
            try arguments.expect(1...1)
            var remaining = try arguments.double(0, "duration in seconds")
            guard remaining >= 0 else { throw RuntimeError("sleep() expects a positive number of seconds") }
            // A replayed sleep is over: the first run slept it.
            return try interpreter.outside("sleep(\(arguments[0].displayText))") {
                while remaining > 0 {
                    try interpreter.checkInterrupt()
                    let step = min(remaining, 0.05)
                    Interpreter.waitingOutside { Thread.sleep(forTimeInterval: step) }
                    remaining -= step
                }
                return .null
            }
        },
        NativeFunction("now", help: "now() is the current time in seconds since 1970, as a float") { arguments, interpreter in
            try arguments.expect(0...0)
            return try interpreter.outside("now()") { .double(Date().timeIntervalSince1970) }
        },
        NativeFunction("json", help: "json(x, indent: 2) encodes x as JSON text") { arguments, interpreter in
            try arguments.expect(1...1, labels: ["indent"])
            let indent = arguments.labeled("indent").map { value -> Int in
                if case .int(let spaces) = value { return max(0, min(spaces, 16)) }
                return 2
            } ?? 0
            return .string(try JSON.encode(arguments[0], indent: indent, interpreter: interpreter))
        },
        NativeFunction("parse_json", help: "parse_json(text) decodes JSON into maps, lists and values") { arguments, interpreter in
            try arguments.expect(1...1)
            return try JSON.decode(try arguments.string(0, "JSON text"), maximumCount: interpreter.limits.maximumCount)
        },
        NativeFunction("range", help: "range(end), range(start, end) or range(start, end, step): integers up to end, not including it") { arguments, _ in
            try arguments.expect(1...3)
            let low = arguments.count == 1 ? 0 : try arguments.int(0, "start")
            let high = try arguments.int(arguments.count == 1 ? 0 : 1, "end")
            let step = arguments.count == 3 ? try arguments.int(2, "step") : 1
            guard step != 0 else { throw RuntimeError("range() step cannot be 0") }
            return .range(try RangeObject.checked(low: low, high: high, step: step, inclusive: false))
        },
        NativeFunction("help", help: "help() lists the builtins; help(name) describes one; help(x) lists what a value x has") { arguments, interpreter in
            try arguments.expect(0...1)
            interpreter.output(Builtins.helpText(for: arguments.count == 0 ? nil : arguments[0], interpreter: interpreter) + "\n")
            return .null
        },
    ]

    /// What `help` prints: the list of builtins, or one builtin's description.
    static func helpText(for subject: Value?, interpreter: Interpreter) -> String {
        if case .host(let host)? = subject, let text = host.helpText { return text }
        switch subject {
        case nil:
            let names = all.map(\.name).sorted().joined(separator: ", ")
            return "Builtins: \(names).\nMethods: lists (\(ListMethods.table.keys.sorted().joined(separator: ", "))), "
                + "maps (\(MapMethods.table.keys.sorted().joined(separator: ", "))), "
                + "strings (\(StringMethods.table.keys.sorted().joined(separator: ", "))).\n"
                + "help(name) describes a builtin, e.g. help(print) or help(\"len\")."
                + (interpreter.hostHelp.map { "\n" + $0 } ?? "")
        case .native(let function)?:
            return function.help.isEmpty ? "\(function.name): no description" : function.help
        case .string(let name)?:
            if let function = all.first(where: { $0.name == name }) { return function.help }
            if case .native(let function)? = interpreter.globals[name]?.value { return function.help }
            return "no builtin named '\(name)'"
        case .closure(let closure)?:
            let parameters = closure.prototype.parameters.map(\.name).joined(separator: ", ")
            return "\(closure.prototype.name)(\(parameters)): a function defined at \(closure.prototype.source.name):\(closure.prototype.source.location(of: closure.prototype.range.start))"
        case let other?:
            // A value's own members, as Tab after `x.` offers them: `help(servers)`
            // shows what a query can do without a trip to the README.
            let members = Set(interpreter.memberNames(of: other).filter { !$0.hasPrefix("<") }).sorted()
            return "\(other.describedType)" + (members.isEmpty ? "" : "; members: " + members.joined(separator: ", "))
        }
    }
}
