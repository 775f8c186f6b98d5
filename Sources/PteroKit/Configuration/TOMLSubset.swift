import Foundation

/// Reads and writes the part of TOML 1.0 a profile list needs: tables with
/// plain, quoted and dotted names, keys (dotted too), strings with every
/// escape, integers, floats, booleans, one-line arrays, `#` comments. The
/// rest of TOML (multi-line strings and arrays, inline tables, arrays of
/// tables, dates) is refused with "ptero reads a subset of TOML" and its
/// line, never read as something else.
///
/// Measured against TOMLKit 0.6.0 (toml++ in C++), the one TOML library in
/// the package mirror: ~31 s of CPU per clean build and a C++ runtime for
/// every user of PteroKit, and it keeps neither the order of tables (it
/// lists them sorted) nor the line of a key, which the messages here give.
enum TOMLSubset {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        case array([Value])
    }

    /// The settings of every table by its path (the top level is `[]`),
    /// and the tables in the order they first appear.
    struct Document {
        var tables: [[String]: [String: Value]] = [[]: [:]]
        var order: [[String]] = []
    }

    struct SyntaxError: Error, Equatable {
        let line: Int
        let message: String
    }

    /// A construct of TOML the reader leaves out, by name.
    static func unsupported(_ line: Int, _ what: String) -> SyntaxError {
        SyntaxError(line: line, message: "\(subsetNote)\(what)")
    }

    static let subsetNote = "ptero reads a subset of TOML: "

    /// How a table came to be, which decides what may add to it later
    /// (TOML 1.0, "Table"): a header may not name a table twice, nor one a
    /// dotted key made; a dotted key may not add to a header's table.
    enum Origin {
        case header, dotted, implied
    }

    static func parse(_ text: String) throws(SyntaxError) -> Document {
        var document = Document()
        var origins: [[String]: Origin] = [[]: .header]
        var table: [String] = []
        // Files saved on Windows start with a byte-order mark and end lines
        // with CRLF; both are read as if absent.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, rawLine) in body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = rawLine
            if line.last == "\r" { line.removeLast() }
            var scanner = TOMLLineScanner(line, line: number)
            if scanner.atEndOfLine() { continue }
            if scanner.current == "[" {
                if scanner.peek(1) == "[" { throw unsupported(number, "arrays of tables ([[name]]); give each profile its own [profiles.NAME]") }
                scanner.position += 1
                table = try scanner.key()
                guard scanner.current == "]" else { throw SyntaxError(line: number, message: "a table header is written [name]") }
                scanner.position += 1
                guard scanner.atEndOfLine() else { throw SyntaxError(line: number, message: "after a table header, only a # comment may follow") }
                try define(table, header: true, after: 0, line: number, in: &document, origins: &origins)
                continue
            }
            let key = try scanner.key()
            guard scanner.current == "=" else {
                throw SyntaxError(line: number, message: "expected = after \(shownPath(key))")
            }
            scanner.position += 1
            let value: Value
            do {
                value = try scanner.value()
            } catch where !error.message.hasPrefix(subsetNote) {
                throw SyntaxError(line: number, message: "\(shownPath(key)): \(error.message)")
            }
            guard scanner.atEndOfLine() else { throw SyntaxError(line: number, message: "after the value of \(shownPath(key)), only a # comment may follow") }
            let owner = table + key.dropLast()
            if key.count > 1 { try define(owner, header: false, after: table.count, line: number, in: &document, origins: &origins) }
            let name = key[key.count - 1]
            if document.tables[owner]?[name] != nil { throw SyntaxError(line: number, message: "\(shownPath(owner + [name])) is set twice") }
            if origins[owner + [name]] != nil { throw SyntaxError(line: number, message: "\(shownPath(owner + [name])) is a table, not a setting") }
            document.tables[owner, default: [:]][name] = value
        }
        return document
    }

    /// Makes `path` a table, by a header (its parents implied) or by a
    /// dotted key in the table of the first `known` parts, or says why TOML
    /// does not allow it.
    static func define(_ path: [String], header: Bool, after known: Int, line: Int,
                       in document: inout Document, origins: inout [[String]: Origin]) throws(SyntaxError) {
        for length in (known + 1)...path.count {
            let prefix = Array(path.prefix(length))
            if document.tables[Array(prefix.dropLast())]?[prefix[length - 1]] != nil {
                throw SyntaxError(line: line, message: "\(shownPath(prefix)) is a setting, not a table")
            }
            let wanted: Origin = !header ? .dotted : length == path.count ? .header : .implied
            switch (origins[prefix], wanted) {
            case (nil, _):
                origins[prefix] = wanted
                document.tables[prefix] = [:]
                document.order.append(prefix)
            case (.implied?, .header):
                origins[prefix] = .header
            case (.implied?, .implied), (.header?, .implied), (.dotted?, .implied), (.dotted?, .dotted):
                break
            case (.header?, .header), (.dotted?, .header):
                throw SyntaxError(line: line, message: "table [\(shownPath(prefix))] is defined twice")
            case (.header?, .dotted), (.implied?, .dotted):
                throw SyntaxError(line: line, message: "table [\(shownPath(prefix))] has its own [header]; set its keys under it")
            }
        }
    }

    /// A setting's name for a message: a key pasted where a name belongs
    /// (`ptla_... = 1`, or a 48-character key without a prefix from a
    /// panel before 1.8) is not echoed, and controls are made visible. A
    /// name mistaken for a key is only not quoted, so the guard errs wide.
    static func shown(_ name: String) -> String {
        if KeyFormat.looksLikeKey(name) { return "(a name that looks like an API key)" }
        return VisibleText.escaping(name)
    }

    /// A table's or dotted key's path for a message, each part as `shown`.
    static func shownPath(_ path: [String]) -> String {
        path.map { part in
            let text = shown(part)
            return !part.isEmpty && part.unicodeScalars.allSatisfy(TOMLLineScanner.isBare) ? text : "\"\(text)\""
        }.joined(separator: ".")
    }

    /// A name as a key: bare when TOML allows it, else quoted.
    static func key(_ name: String) -> String {
        !name.isEmpty && name.unicodeScalars.allSatisfy(TOMLLineScanner.isBare) ? name : quote(name)
    }

    /// A basic string any TOML reader reads back as `text`: every control
    /// character escaped.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
