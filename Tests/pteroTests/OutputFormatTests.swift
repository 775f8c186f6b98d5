import Foundation
import Testing

/// `ptero --format json`: every print() is one line another program can parse.
struct OutputFormatTests {
    static func parsedLines(_ output: String) throws -> [Any] {
        try output.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        }
    }

    @Test func eachPrintIsOneJSONLine() throws {
        let result = try PteroBinary.run(["--format", "json", "-e", """
            print(1)
            print("a \\"quoted\\" text")
            print("several", [1, 2], null)
            print({name: "x", limits: {memory: 4GB}})
            """])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == """
            1
            "a \\"quoted\\" text"
            ["several",[1,2],null]
            {"name":"x","limits":{"memory":4096}}

            """, "\(result.output)")
        #expect(try Self.parsedLines(result.output).count == 4)
    }

    @Test func aScriptFileAndStdinTakeTheFormatToo() throws {
        let folder = try PteroBinary.temporaryFolder()
        let file = folder.appendingPathComponent("report.ptero")
        try "print(args)\nprint(len(args))".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try PteroBinary.run(["--format", "json", file.path, "one", "two"])
        #expect(fromFile.output == "[\"one\",\"two\"]\n2\n", "\(fromFile.errors)")
        let fromStdin = try PteroBinary.run(["--format", "json"], input: "print(\"piped\")\n")
        #expect(fromStdin.output == "\"piped\"\n", "\(fromStdin.errors)")
    }

    @Test func aMigrationReadsTheCSVFileItIsGiven() throws {
        let folder = try PteroBinary.temporaryFolder()
        let file = folder.appendingPathComponent("renames.csv")
        try "\u{FEFF}id,name\r\n3,\"lobby, east\"\r\n4,survival\r\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run(["--format", "json", "-e", "for row in parse_csv(read_file(args[0])) { print(int(row.id), row.name) }",
                                          "renames.csv"], directory: folder)
        #expect(result.output == "[3,\"lobby, east\"]\n[4,\"survival\"]\n", "\(result.errors)")
    }

    @Test func errorsStayTextOnStandardError() throws {
        let result = try PteroBinary.run(["--format", "json", "-e", "print(1)\nprint(fn(x) => x)"])
        #expect(result.status == 1)
        #expect(result.output == "1\n")
        #expect(result.errors.contains("error: print() with --format json cannot encode a function"), "\(result.errors)")
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let result = try PteroBinary.run(["--format", "xml", "-e", "print(1)"])
        #expect(result.status == 2)
        #expect(result.errors.contains("xml") && result.errors.contains("json"), "\(result.errors)")
        #expect(result.output.isEmpty)
    }

    @Test func panelObjectsAndReportsPrintAsJSONAndDryRunLinesGoToStandardError() throws {
        let sim = try SimProcess(arguments: ["--servers", "6", "--seed", "3"])
        let url = try #require(sim.url, "\(sim.banner)")
        let key = try #require(sim.applicationKey)
        let folder = try PteroBinary.temporaryFolder()
        let result = try PteroBinary.run(["--url", url, "--dry-run", "--format", "json", "-e", """
            print(servers.take(2))
            print((servers where id <= 2).suspend())
            """], environment: ["PTERO_APP_KEY": key, "XDG_CONFIG_HOME": folder.path])
        #expect(result.status == 0, "\(result.errors)")
        let lines = try Self.parsedLines(result.output)
        #expect(lines.count == 2, "\(result.output)")
        let servers = try #require(lines.first as? [[String: Any]])
        #expect(servers.map { $0["id"] as? Int } == [1, 2])
        let report = try #require(lines.last as? [String: Any])
        #expect(report["action"] as? String == "suspend" && report["ok"] as? Int == 2, "\(report)")
        #expect(result.errors.contains("would POST /api/application/servers/1/suspend"), "\(result.errors)")
        withExtendedLifetime(sim) {}
    }
}
