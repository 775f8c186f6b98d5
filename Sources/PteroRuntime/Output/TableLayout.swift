import PteroLang

/// How wide each shown column of a table is, so the whole fits a width:
/// the widest columns give way first, never below their heading (or six
/// characters), and the columns that still do not fit are left off the end.
struct TableLayout {
    /// One width per shown column; the shown columns are the table's first ones.
    let widths: [Int]

    /// Columns narrower than this are not shortened to their heading's width.
    static let shortestCut = 6

    init(table: Table, width: Int) {
        let gap = Table.gap.count
        let natural = table.columns.indices.map { index in
            table.rows.reduce(TerminalText.width(of: table.columns[index].header)) { widest, row in
                index < row.count ? max(widest, TerminalText.width(of: row[index])) : widest
            }
        }
        // A column kept whole may run past the width; it takes no room from the others.
        let minimum = table.columns.indices.map { index in
            table.columns[index].keepsWhole ? 0 : min(natural[index], max(TerminalText.width(of: table.columns[index].header), Self.shortestCut))
        }
        var shown = 0
        var used = 0
        while shown < table.columns.count {
            let needed = minimum[shown] + (shown > 0 ? gap : 0)
            if shown > 0 && used + needed > width { break }
            used += needed
            shown += 1
        }
        var widths = Array(natural[..<shown])
        var excess = Self.total(widths, of: table, gap: gap) - width
        while excess > 0 {
            let shrinkable = widths.indices.filter { !table.columns[$0].keepsWhole && widths[$0] > minimum[$0] }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            let nextWidest = shrinkable.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let cut = min(excess, widths[widest] - max(minimum[widest], nextWidest, 0))
            widths[widest] -= max(1, cut)
            excess -= max(1, cut)
        }
        // A single column wider than the whole width is cut to it.
        if widths.count == 1, !table.columns[0].keepsWhole, widths[0] > width { widths[0] = max(1, width) }
        self.widths = widths
    }

    /// The width the shown columns take, leaving out those kept whole.
    private static func total(_ widths: [Int], of table: Table, gap: Int) -> Int {
        var sum = 0
        for (index, width) in widths.enumerated() where !table.columns[index].keepsWhole { sum += width }
        return sum + gap * max(0, widths.count - 1)
    }
}
