import Foundation

/// Reads and writes the small part of TOML the configuration file uses:
/// `key = value` lines (strings, integers, booleans), `[table.name]`
/// headers and `#` comments. A full TOML library would cost build time
/// for features a profile list never needs.
enum TOMLSubset {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
    }

    /// Keys by table: the top level is table "".
    typealias Document = [String: [String: Value]]

    struct SyntaxError: Error, Equatable {
        let line: Int
        let message: String
    }

    static func parse(_ text: String) throws(SyntaxError) -> (document: Document, tableOrder: [String]) {
        var document: Document = ["": [:]]
        var order: [String] = []
        var table = ""
        // Files saved on Windows start with a byte-order mark and end lines
        // with CRLF; both are read as if absent.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, rawLine) in body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var scalars = String.UnicodeScalarView(rawLine)
            if scalars.last == "\r" { scalars.removeLast() }
            let line = stripComment(String(scalars)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else {
                    throw SyntaxError(line: number, message: "a table header is written [name]")
                }
                table = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard !table.isEmpty else { throw SyntaxError(line: number, message: "empty table name") }
                if document[table] != nil { throw SyntaxError(line: number, message: "table [\(shown(table))] appears twice") }
                document[table] = [:]
                order.append(table)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw SyntaxError(line: number, message: "expected key = value")
            }
            let key = unquote(line[..<equals].trimmingCharacters(in: .whitespaces))
            let valueText = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { throw SyntaxError(line: number, message: "missing key before =") }
            guard let value = parseValue(valueText) else {
                throw SyntaxError(line: number, message: "\(shown(key)): a value is a \"string\", an integer, true or false")
            }
            if document[table]?[key] != nil { throw SyntaxError(line: number, message: "\(shown(key)) is set twice") }
            document[table, default: [:]][key] = value
        }
        return (document, order)
    }

    static func parseValue(_ text: String) -> Value? {
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if let integer = Int(text.replacingOccurrences(of: "_", with: "")) { return .integer(integer) }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            return .string(String(text.dropFirst().dropLast()))
        }
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return nil }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "\"", "\\": result.append(character)
                default: return nil
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return nil
            } else {
                result.append(character)
            }
        }
        return escaped ? nil : .string(result)
    }

    /// `#` outside a string starts a comment.
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open && !(open == "\"" && previous == "\\") { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return String(line.prefix(offset))
            }
            previous = character
        }
        return line
    }

    /// A setting's name for a message: a key pasted where a name belongs
    /// (`ptla_... = 1`, or a 48-character key without a prefix from a
    /// panel before 1.8) is not echoed, and controls are made visible. A
    /// name mistaken for a key is only not quoted, so the guard errs wide.
    static func shown(_ name: String) -> String {
        if KeyFormat.looksLikeKey(name) { return "(a name that looks like an API key)" }
        return VisibleText.escaping(name)
    }

    static func unquote(_ key: String) -> String {
        if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { return String(key.dropFirst().dropLast()) }
        return key
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }
}
