/// Reads CSV text (RFC 4180: quoted fields may hold separators, doubled
/// quotes and line breaks) into rows of strings, for migrations that start
/// from a spreadsheet export.
struct CSVReader {
    /// One record and the line it starts on, for messages.
    struct Row {
        let fields: [String]
        let line: Int
    }

    let scalars: [Unicode.Scalar]
    let separator: Unicode.Scalar
    private var position = 0
    private var line = 1

    init(text: String, separator: Unicode.Scalar) {
        var scalars = Array(text.unicodeScalars)
        // Spreadsheets often start their exports with a byte order mark.
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.separator = separator
    }

    /// Every record; blank lines are skipped. More than `maximumCount`
    /// records is an error (see `ValueLimits.maximumCount`).
    mutating func rows(maximumCount: Int = .max) throws -> [Row] {
        var rows: [Row] = []
        while position < scalars.count {
            let start = line
            let fields = try record()
            if fields == [""] { continue }
            guard rows.count < maximumCount else {
                throw RuntimeError("parse_csv(): more than \(maximumCount) records (line \(start)); the limit is \(maximumCount)")
            }
            rows.append(Row(fields: fields, line: start))
        }
        return rows
    }

    /// The fields up to the end of the line (or of the text).
    private mutating func record() throws -> [String] {
        var fields: [String] = []
        while true {
            fields.append(try field())
            guard position < scalars.count else { return fields }
            let ending = scalars[position]
            position += 1
            if ending == separator { continue }
            // A line break: \r\n, \n or \r.
            if ending == "\r", position < scalars.count, scalars[position] == "\n" { position += 1 }
            line += 1
            return fields
        }
    }

    /// One field, stopping before the separator or line break that ends it.
    private mutating func field() throws -> String {
        var text = String.UnicodeScalarView()
        guard position < scalars.count, scalars[position] == "\"" else {
            while position < scalars.count, !endsField(scalars[position]) {
                text.append(scalars[position])
                position += 1
            }
            return String(text)
        }
        let opening = line
        position += 1
        while true {
            guard position < scalars.count else {
                throw RuntimeError("parse_csv(): the quoted field that starts on line \(opening) never ends")
            }
            let scalar = scalars[position]
            position += 1
            if scalar == "\"" {
                if position < scalars.count, scalars[position] == "\"" {
                    text.append("\"")
                    position += 1
                    continue
                }
                break
            }
            if scalar == "\n" || (scalar == "\r" && (position >= scalars.count || scalars[position] != "\n")) { line += 1 }
            text.append(scalar)
        }
        if position < scalars.count, !endsField(scalars[position]) {
            throw RuntimeError("parse_csv(): unexpected text after a closing quote on line \(line); a quote inside a quoted field is written twice (\"\")")
        }
        return String(text)
    }

    private func endsField(_ scalar: Unicode.Scalar) -> Bool {
        scalar == separator || scalar == "\n" || scalar == "\r"
    }

    /// Rows after the first as maps keyed by the first; a short row's missing
    /// fields are empty strings, a long row is an error (its extra fields would be lost).
    static func records(_ rows: [Row]) throws -> Value {
        guard let header = rows.first else { return Value([]) }
        var seen: Set<String> = []
        for name in header.fields where !seen.insert(name).inserted {
            throw RuntimeError("parse_csv(): the header names the column \(Value.quote(name)) twice")
        }
        return Value(try rows.dropFirst().map { row in
            guard row.fields.count <= header.fields.count else {
                throw RuntimeError("parse_csv(): line \(row.line) has \(row.fields.count) fields but the header has \(header.fields.count)")
            }
            let map = MapObject()
            for (index, name) in header.fields.enumerated() {
                map[.string(name)] = .string(index < row.fields.count ? row.fields[index] : "")
            }
            return .map(map)
        })
    }
}
