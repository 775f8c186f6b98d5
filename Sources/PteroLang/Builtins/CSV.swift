/// CSV text from records, for spreadsheets and other tools: a header of
/// every key in the order keys first appear, RFC 4180 quoting, nested
/// lists and maps as compact JSON in their cell, null as an empty cell.
enum CSV {
    static func encode(_ value: Value, separator: Unicode.Scalar, interpreter: Interpreter) throws -> String {
        let records = try self.records(of: value, interpreter: interpreter)
        var keys: [MapKey] = []
        var seen: Set<MapKey> = []
        for record in records {
            for key in record.keys where seen.insert(key).inserted { keys.append(key) }
        }
        guard !keys.isEmpty else { return "" }
        let delimiter = String(separator)
        var lines = [keys.map { quote($0.value.displayText, separator: separator) }.joined(separator: delimiter)]
        for record in records {
            let cells = try keys.map { key in try quote(cell(record[key] ?? .null, interpreter: interpreter), separator: separator) }
            lines.append(cells.joined(separator: delimiter))
        }
        return lines.joined(separator: "\n")
    }

    /// The maps to write: a list's elements, a query's objects, or one map or object alone.
    static func records(of value: Value, interpreter: Interpreter) throws -> [MapObject] {
        switch value {
        case .map(let map): return [map]
        case .list(let list):
            return try list.items.enumerated().map { position, item in try record(item, position: position, interpreter: interpreter) }
        case .cell(let box): return try records(of: box.value, interpreter: interpreter)
        case .host(let host):
            if let plain = try host.plainValue(interpreter: interpreter) { return try records(of: plain, interpreter: interpreter) }
            if let iterator = try host.makeIterator(interpreter: interpreter) {
                var found: [MapObject] = []
                while let item = try iterator.next() {
                    found.append(try record(item, position: found.count, interpreter: interpreter))
                }
                return found
            }
            throw RuntimeError("csv() expects a list of maps or panel objects, got \(host.typeName)")
        default:
            throw RuntimeError("csv() expects a list of maps or panel objects, got \(value.typeName)")
        }
    }

    static func record(_ item: Value, position: Int, interpreter: Interpreter) throws -> MapObject {
        switch item {
        case .map(let map): return map
        case .cell(let box): return try record(box.value, position: position, interpreter: interpreter)
        case .host(let host):
            if case .map(let map)? = try host.plainValue(interpreter: interpreter) { return map }
            fallthrough
        default:
            throw RuntimeError("csv() expects a list of maps or panel objects, but item [\(position)] is \(item.describedType)")
        }
    }

    /// A field's text: strings as they are, numbers and booleans as printed,
    /// anything nested as compact JSON.
    static func cell(_ value: Value, interpreter: Interpreter) throws -> String {
        switch value {
        case .null: return ""
        case .string(let text): return text
        case .bool, .int, .double: return value.displayText
        case .cell(let box): return try cell(box.value, interpreter: interpreter)
        default: return try JSON.encode(value, indent: 0, interpreter: interpreter, caller: "csv()")
        }
    }

    /// Quotes a field holding the separator, a quote or a line break, doubling its quotes.
    static func quote(_ field: String, separator: Unicode.Scalar) -> String {
        guard field.unicodeScalars.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        // Scalar by scalar, as parse_csv reads: a quote followed by a combining
        // mark is one Character, which a Character-wise replace would miss.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }
}

extension Builtins {
    static let tables: [NativeFunction] = [
        NativeFunction("csv", help: "csv(records, separator: \",\") writes a list of maps or panel objects as CSV text, a header row first") { arguments, interpreter in
            try arguments.expect(1...1, labels: ["separator"])
            return .string(try CSV.encode(arguments[0], separator: try separator(arguments), interpreter: interpreter))
        },
        NativeFunction("parse_csv", help: "parse_csv(text, header: true, separator: \",\") reads CSV into a list of maps keyed by the header row (values stay strings); with header: false, a list of lists") { arguments, interpreter in
            try arguments.expect(1...1, labels: ["header", "separator"])
            var reader = CSVReader(text: try arguments.string(0, "CSV text"), separator: try separator(arguments))
            let rows = try reader.rows(maximumCount: interpreter.limits.maximumCount)
            switch arguments.labeled("header") ?? .bool(true) {
            case .bool(true): return try CSVReader.records(rows)
            case .bool(false): return Value(rows.map { row in Value(row.fields.map { Value($0) }) })
            case let other: throw RuntimeError("parse_csv(): header: must be true or false, not \(other.describedType)")
            }
        },
    ]

    /// The `separator:` of csv() and parse_csv(): one character, a comma by default.
    private static func separator(_ arguments: Arguments) throws -> Unicode.Scalar {
        guard let given = arguments.labeled("separator") else { return "," }
        guard case .string(let text) = given, text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
              scalar != "\"", scalar != "\n", scalar != "\r" else {
            throw RuntimeError("\(arguments.callee)(): separator: must be one character other than a quote or line break, e.g. \";\"")
        }
        return scalar
    }
}
