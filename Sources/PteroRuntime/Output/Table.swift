import PteroLang

/// Rows of text under named columns, laid out to fit a terminal, so a list
/// of panel objects reads at a glance instead of as one long line.
public struct Table: Sendable {
    /// A heading and how its cells line up.
    public struct Column: Sendable {
        public let header: String
        /// Right for numbers and sizes, so their digits line up.
        public let alignsRight: Bool
        /// Never cut short (an error message): the line may run past the width instead.
        public let keepsWhole: Bool

        public init(_ header: String, alignsRight: Bool = false, keepsWhole: Bool = false) {
            self.header = header
            self.alignsRight = alignsRight
            self.keepsWhole = keepsWhole
        }
    }

    public let columns: [Column]
    /// One text per column in each row; missing cells are blank.
    public let rows: [[String]]

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows.map { $0.map(Self.shown) }
    }

    /// Space between columns.
    static let gap = "  "

    /// The header, a rule under it and the rows, no line wider than `width`
    /// (unless a column keeps its cells whole): long cells end in `…`, and
    /// trailing columns go when even shortened ones do not fit.
    public func render(width: Int) -> String {
        let layout = TableLayout(table: self, width: width)
        var lines: [String] = []
        lines.append(line(layout.widths.indices.map { columns[$0].header }, layout: layout))
        lines.append(rule(layout: layout, width: width))
        for row in rows {
            lines.append(line(layout.widths.indices.map { $0 < row.count ? row[$0] : "" }, layout: layout))
        }
        return lines.joined(separator: "\n")
    }

    /// The line under the header; under a column kept whole it stops at the width.
    private func rule(layout: TableLayout, width: Int) -> String {
        var used = 0
        var parts: [String] = []
        for (index, columnWidth) in layout.widths.enumerated() {
            let length = columns[index].keepsWhole
                ? max(TerminalText.width(of: columns[index].header), min(columnWidth, width - used)) : columnWidth
            parts.append(String(repeating: "─", count: length))
            used += columnWidth + Self.gap.count
        }
        return parts.joined(separator: Self.gap)
    }

    private func line(_ cells: [String], layout: TableLayout) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let width = layout.widths[index]
            let fitted = columns[index].keepsWhole ? cell : Self.truncate(cell, to: width)
            let padding = String(repeating: " ", count: max(0, width - TerminalText.width(of: fitted)))
            parts.append(columns[index].alignsRight ? padding + fitted : fitted + padding)
        }
        return Self.trimmingTrailingSpaces(parts.joined(separator: Self.gap))
    }

    /// The text on one line as a terminal may show it: line breaks as spaces,
    /// control characters visible, since a name is whatever a user typed.
    static func shown(_ text: String) -> String {
        let flat = text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
        return TerminalText.visible(flat)
    }

    /// Shown text (see `shown`) cut to `width` columns, the last one an
    /// ellipsis when cut.
    static func truncate(_ flat: String, to width: Int) -> String {
        guard TerminalText.width(of: flat) > width else { return flat }
        guard width > 1 else { return String(repeating: "…", count: max(0, width)) }
        var kept = ""
        var used = 0
        for character in flat {
            let columns = TerminalText.width(of: character)
            if used + columns > width - 1 { break }
            kept.append(character)
            used += columns
        }
        return kept + "…"
    }

    static func trimmingTrailingSpaces(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
