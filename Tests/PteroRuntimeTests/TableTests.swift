import Foundation
import PteroLang
import Testing
@testable import PteroRuntime

/// The REPL's tables: layout in a width, per-kind columns, and echoes of
/// lists and queries from a simulated panel.
struct TableTests {
    static let sample = Table(columns: [Table.Column("id", alignsRight: true), Table.Column("name"), Table.Column("note")],
                              rows: [["1", "alpha", "short"], ["12", "beta-with-a-long-name", "a note that goes on and on and on"]])

    @Test func alignsColumnsUnderAHeaderAndARule() {
        let lines = Self.sample.render(width: 100).split(separator: "\n").map(String.init)
        #expect(lines == [
            "id  name                   note",
            "──  ─────────────────────  ─────────────────────────────────",
            " 1  alpha                  short",
            "12  beta-with-a-long-name  a note that goes on and on and on",
        ])
    }

    @Test func shortensTheWidestColumnsFirstWithAnEllipsis() {
        let lines = Self.sample.render(width: 40).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        #expect(lines[3] == "12  beta-with-a-long…  a note that goes…")
        #expect(lines[2] == " 1  alpha              short")
    }

    @Test func dropsTrailingColumnsWhenEvenShortenedOnesDoNotFit() {
        let lines = Self.sample.render(width: 12).split(separator: "\n").map(String.init)
        #expect(lines[0] == "id  name")
        #expect(lines[3] == "12  beta-wi…")
        #expect(lines.allSatisfy { $0.count <= 12 })
    }

    @Test func wideCharactersTakeTwoColumnsSoTheNextColumnStillLinesUp() {
        let table = Table(columns: [Table.Column("name"), Table.Column("node", alignsRight: true)],
                          rows: [["服務器-生存", "3"], ["survival", "12"], ["🎮 arcade", "4"]])
        let lines = table.render(width: 80).split(separator: "\n").map(String.init)
        #expect(lines == [
            "name         node",
            "───────────  ────",
            "服務器-生存     3",
            "survival       12",
            "🎮 arcade       4",
        ])
        let cut = table.render(width: 10).split(separator: "\n").map(String.init)
        #expect(cut[2] == "服務器-生…")
        #expect(cut.allSatisfy { TerminalText.width(of: $0) <= 10 }, "\(cut)")
    }

    @Test func controlCharactersInANameReachTheTerminalOnlyAsPictures() {
        let table = Table(columns: [Table.Column("name")], rows: [["evil\u{1B}]0;owned\u{07}\u{1B}[2J"], ["two\nlines"]])
        let text = table.render(width: 80)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("evil␛]0;owned␇␛[2J"))
        #expect(text.contains("two lines"))
    }

    @Test func aColumnKeptWholeRunsPastTheWidthAndMissingCellsAreBlank() {
        let table = Table(columns: [Table.Column("item"), Table.Column("error", keepsWhole: true)],
                          rows: [["Server#1", "a reason far longer than the width allows"], ["Server#2"]])
        let lines = table.render(width: 20).split(separator: "\n").map(String.init)
        #expect(lines[2] == "Server#1  a reason far longer than the width allows")
        #expect(lines[3] == "Server#2")
    }

    @Test func sizesReadWithTheirUnits() {
        #expect(CellFormat.mebibytes.text(.int(4096)) == "4 GB")
        #expect(CellFormat.mebibytes.text(.int(1536)) == "1.5 GB")
        #expect(CellFormat.mebibytes.text(.int(512)) == "512 MB")
        #expect(CellFormat.bytes.text(.int(1536)) == "1.5 KB")
        #expect(CellFormat.percent.text(.int(200)) == "200%")
        #expect(CellFormat.mebibytes.text(.null) == "")
    }

    @Test func columnsNoObjectHasAreLeftOut() {
        // A client-API server: an identifier instead of an id, no egg.
        let server = Resource(kind: ResourceKind.forObject("server"), attributes: MapObject([
            ("identifier", Value("1a2b3c4d")), ("name", Value("lobby")), ("node", Value("Node 1")),
            ("limits", .map(MapObject([("memory", .int(2048)), ("disk", .int(10240)), ("cpu", .int(100))]))),
            ("is_suspended", .bool(false)),
        ]))
        let table = ResourceTable.make([server])
        #expect(table.columns.map(\.header) == ["id", "name", "node", "memory", "disk", "cpu", "suspended"])
        #expect(table.rows == [["1a2b3c4d", "lobby", "Node 1", "2 GB", "10 GB", "100%", "false"]])
        #expect(table.columns[3].alignsRight && !table.columns[0].alignsRight)
    }

    @Test func anUnknownKindShowsItsIdentityLabelAndShortFields() {
        let widget = Resource(kind: ResourceKind.forObject("widget_thing"), attributes: MapObject([
            ("description", Value(String(repeating: "x", count: 80))), ("size", .int(3)), ("name", Value("w")),
            ("id", .int(9)), ("tags", Value([Value("a")])), ("enabled", .bool(true)),
        ]))
        #expect(ResourceTable.make([widget]).columns.map(\.header) == ["id", "name", "size", "enabled"])
    }

    @Test func aListOfMapsIsATableOfTheirKeys() throws {
        let rows = [Value.map(MapObject([("a", .int(1)), ("b", Value("x"))])), .map(MapObject([("a", .int(22)), ("c", .bool(true))]))]
        let table = try #require(MapTable.make(rows))
        #expect(table.render(width: 80).split(separator: "\n").map(String.init) == [
            " a  b  c", "──  ─  ────", " 1  x", "22     true",
        ])
        #expect(MapTable.make([.int(1)]) == nil)
    }

    @Test func aBulkReportListsItsFailuresWhole() {
        let report = BulkReport(action: "suspend")
        report.failed = [(Value("Server#3"), "409 Conflict: the server is being installed")]
        #expect(BulkReportTable.render(report, width: 30).split(separator: "\n").map(String.init) == [
            "suspend: 0 ok, 1 failed",
            "failed    error",
            "────────  ────────────────────",
            "Server#3  409 Conflict: the server is being installed",
        ])
    }

    /// What the REPL would echo for `code`, line by line.
    static func echo(_ code: String, on harness: PanelHarness, width: Int = 100) async throws -> [String] {
        try await harness.run("", then: { interpreter in
            do {
                let value = try interpreter.run(Source(name: "<repl>", text: code), echo: true)
                return try ReplEcho.text(for: value, interpreter: interpreter, width: width)
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            } catch {
                return ["failed: \(error)"]
            }
        })
    }

    @Test func aListOfServersIsATableWithTheirIds() async throws {
        let harness = try await PanelHarness(servers: 12)
        let lines = try await Self.echo("servers.take(3)", on: harness, width: 90)
        #expect(lines.count == 5, "\(lines)")
        let header = lines[0].split(separator: " ").map(String.init)
        #expect(header == ["id", "name", "node", "egg", "memory", "disk", "cpu", "suspended", "status"]
                || header == ["id", "name", "node", "egg", "memory", "disk", "cpu", "suspended"], "\(lines[0])")
        #expect(lines[2].hasPrefix(" 1  ") && lines[3].hasPrefix(" 2  ") && lines[4].hasPrefix(" 3  "), "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 90 })
        #expect(lines[2].contains(" GB") || lines[2].contains(" MB"))
        await harness.stop()
    }

    @Test func oneServerIsListedFieldByField() async throws {
        let harness = try await PanelHarness(servers: 5)
        let lines = try await Self.echo("servers[2]", on: harness)
        #expect(lines[0].hasPrefix("Server#2 \""), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  limits.memory ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  id ") && $0.hasSuffix(" 2") }, "\(lines)")
        await harness.stop()
    }

    @Test func aQueryShowsItsFirstRowsFromOnePageAndSaysHowManyInAll() async throws {
        let harness = try await PanelHarness(servers: 250)
        harness.forgetRequests()
        let lines = try await Self.echo("servers", on: harness)
        #expect(lines.count == 2 + QueryPreview.rowLimit + 1, "\(lines)")
        #expect(lines.last == "… 250 in all; .list fetches every one")
        #expect(harness.requests.count == 1)
        #expect(harness.requests.first?.query.contains(URLQueryItem(name: "per_page", value: String(QueryPreview.rowLimit))) == true)
        await harness.stop()
    }

    @Test func aFilteredQueryFetchesOnlyWhatItShows() async throws {
        let harness = try await PanelHarness(servers: 250)
        harness.forgetRequests()
        let lines = try await Self.echo("servers where id > 10", on: harness)
        #expect(lines[2].hasPrefix("11  "), "\(lines)")
        #expect(lines.last == "… and more; .count counts them, .list fetches every one")
        #expect(harness.requests.count == 1)
        let none = try await Self.echo("servers where id > 100000", on: harness)
        #expect(none == ["no servers match"])
        await harness.stop()
    }

    @Test func otherValuesEchoAsPteroWritesThem() async throws {
        let interpreter = Interpreter()
        #expect(try ReplEcho.text(for: Value([.int(1), Value("a")]), interpreter: interpreter, width: 80) == "[1, \"a\"]")
        #expect(try ReplEcho.text(for: Value("text"), interpreter: interpreter, width: 80) == "\"text\"")
        #expect(try ReplEcho.text(for: Value([]), interpreter: interpreter, width: 80) == "[]")
    }
}
