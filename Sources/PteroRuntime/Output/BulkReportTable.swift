import PteroLang

/// A bulk job's report in the REPL: its summary line, then the failures
/// as a table whose error column is never cut, since the reason is the point.
enum BulkReportTable {
    static func render(_ report: BulkReport, width: Int) -> String {
        let summary = report.displayText.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? report.action
        guard !report.failed.isEmpty else { return summary }
        let table = Table(columns: [Table.Column("failed"), Table.Column("error", keepsWhole: true)],
                          rows: report.failed.map { [$0.item.displayText, $0.error] })
        return summary + "\n" + table.render(width: width)
    }
}
