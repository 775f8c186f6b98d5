import Foundation
import Testing
@testable import PteroLang

/// What a script prints, or the message of the error that stopped it.
private func outcome(_ text: String, limits: ValueLimits = ValueLimits(),
                     prepare: @escaping (Interpreter) -> Void = { _ in }) -> String {
    LargeStack.run {
        var printed = ""
        let interpreter = Interpreter(output: { printed += $0 })
        interpreter.limits = limits
        prepare(interpreter)
        do {
            try interpreter.run(Source(name: "t.ptero", text: text))
            return printed
        } catch let diagnostics as Diagnostics {
            return diagnostics.all.map(\.message).joined(separator: "\n")
        } catch let failure as RuntimeError {
            return failure.message
        } catch is Interrupted {
            return "interrupted"
        } catch {
            return "\(error)"
        }
    }
}

/// Regular expressions are matched by ICU with a budget, and stop on Ctrl-C.
struct RegexLimitTests {
    private var few: ValueLimits {
        var limits = ValueLimits()
        limits.maximumRegexReports = 20
        return limits
    }

    @Test func aCatastrophicMatchGivesUpWithAnError() {
        let text = "print(\"\(String(repeating: "a", count: 40))!\" ~ \"^(a+)+$\")"
        #expect(outcome(text, limits: few).hasPrefix("regular expression \"^(a+)+$\" gave up after about 20 × 10,000 steps"))
    }

    @Test func aCatastrophicReplaceGivesUpWithAnError() {
        let text = "print(\"\(String(repeating: "a", count: 40))\".regex_replace(\"(a*)*b\", \"x\"))"
        #expect(outcome(text, limits: few).hasPrefix("regular expression \"(a*)*b\" gave up"))
    }

    @Test func theErrorHasItsPlace() {
        let interpreter = Interpreter(output: { _ in })
        interpreter.limits = few
        let source = Source(name: "t.ptero", text: "let ok = 1\nprint(\"\(String(repeating: "a", count: 40))!\" ~ \"^(a+)+$\")")
        let result = LargeStack.run { Result { try interpreter.run(source) } }
        guard case .failure(let failure as RuntimeError) = result else {
            Issue.record("the match did not give up: \(result)")
            return
        }
        #expect(failure.diagnostic?.location.line == 2)
    }

    @Test func aLongTextWithoutBacktrackingIsWithinTheBudget() {
        // One report a start position is allowed besides the budget.
        let text = "let t = \"ab\" * 500000\nprint(t ~ \"c\", len(t.regex_replace(\"b\", \"\")), t.match(\"(a)(b)\"))"
        #expect(outcome(text, limits: few) == "false 500000 [\"ab\", \"a\", \"b\"]\n")
    }

    @Test func ctrlCStopsAMatch() {
        // `stop()` raises the flag as Ctrl-C does; the match is the next thing to run.
        let text = "print([stop(), \"\(String(repeating: "a", count: 40))!\" ~ \"^(a+)+$\"])"
        let result = outcome(text) { interpreter in
            interpreter.globals.defineConstant("stop", .native(NativeFunction("stop") { _, interpreter in
                interpreter.interruption.raise()
                return .null
            }))
        }
        #expect(result == "interrupted")
    }
}

/// Strings, lists and maps stop at the interpreter's limits with an error.
struct ValueLimitTests {
    private var small: ValueLimits {
        var limits = ValueLimits()
        limits.maximumStringBytes = 1 << 20
        limits.maximumCount = 1000
        return limits
    }

    @Test func stringDoublingStops() {
        #expect(outcome("let s = \"x\"\nwhile true { s = s + s }", limits: small)
            == "joined string would be too long (2097152 bytes; the limit is 1048576 bytes)")
        #expect(outcome("let s = \"x\"\nwhile true { s += s }", limits: small).hasPrefix("joined string would be too long"))
        #expect(outcome("let s = \"x\"\nwhile true { s = \"{s}{s}\" }", limits: small).hasPrefix("interpolated string would be too long"))
    }

    @Test func listGrowthStops() {
        #expect(outcome("let l = [1]\nwhile true { l = l + l }", limits: small)
            == "joined list would be too large (1024 elements; the limit is 1000)")
        #expect(outcome("let l = []\nwhile true { l.push(1) }", limits: small)
            == "list would be too large (1001 elements; the limit is 1000)")
        #expect(outcome("let l = []\nwhile true { l.insert(0, 1) }", limits: small).hasPrefix("list would be too large"))
        #expect(outcome("print(range(1001).map(fn(x) => x))", limits: small).hasPrefix("the list of this range would be too large"))
        #expect(outcome("print(json(range(1001)))", limits: small).hasPrefix("the list of this range would be too large"))
        #expect(outcome("print(\"a,\".repeat(1000).split(\",\"))", limits: small).hasPrefix("split()'s list would be too large"))
    }

    @Test func parsedListsStopAtTheLimit() {
        #expect(outcome("print(len(parse_json(\"[\" + \"0,\" * 1000 + \"0]\")))", limits: small)
            == "parse_json(): a list has more than 1000 elements at line 1, column 2002")
        #expect(outcome("print(len(parse_json(\"[\" + \"0,\" * 999 + \"0]\")))", limits: small) == "1000\n")
        let object = #"print(len(parse_json("\{" + range(1000).map(fn(i) => "\"k{i}\": 0").join(",") + ", \"x\": 1\}")))"#
        #expect(outcome(object, limits: small)
            .hasPrefix("parse_json(): an object has more than 1000 members"))
        #expect(outcome("print(len(parse_csv(\"a\\n\" + \"1\\n\" * 1001)))", limits: small)
            == "parse_csv(): more than 1000 records (line 1001); the limit is 1000")
    }

    @Test func mapGrowthStops() {
        #expect(outcome("let m = {}\nfor i in range(2000) { m[i] = i }", limits: small)
            == "map would be too large (1001 elements; the limit is 1000)")
        #expect(outcome("let m = {}\nfor i in range(1000) { m[i] = i }\nm[5] = 0\nprint(len(m))", limits: small) == "1000\n")
    }

    @Test func aSmallValueThatPrintsHugeIsRefused() {
        // Sixty levels of a list holding one list twice: 2^60 elements in print.
        let script = "let a = [1]\nfor i in range(60) { a = [a, a] }\n"
        for call in ["print(a)", "str(a)", "\"{a}\"", "[a].join()", "json(a)"] {
            let result = outcome(script + call, limits: small)
            #expect(result.contains("would be too long"), "\(call): \(result)")
        }
    }

    @Test func readFileStopsAtTheStringLimit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ptero-limit-\(UUID().uuidString).txt").path
        try String(repeating: "x", count: 2 << 20).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(outcome("print(len(read_file(\"\(path)\")))", limits: small)
            == "read_file(): cannot read \"\(path)\": it is larger than the limit of 1048576 bytes")
        #expect(outcome("print(len(read_file(\"\(path)\")))") == "2097152\n")
    }
}

/// `import` reads regular files only, and only up to a size.
struct ImportTests {
    private func importing(_ path: String) -> String {
        LargeStack.run {
            let interpreter = Interpreter(output: { _ in })
            interpreter.importer = FileImporter.load
            do {
                try interpreter.run(Source(name: "t.ptero", text: "import \(Value.quote(path))"))
                return "imported"
            } catch let diagnostics as Diagnostics {
                return diagnostics.all.map(\.message).joined(separator: "\n")
            } catch {
                return "\(error)"
            }
        }
    }

    @Test func aFifoIsRefusedWithoutWaitingForAWriter() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ptero-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect(importing(path) == "cannot import \(Value.quote(path)): it is a pipe (FIFO), not a file")
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ptero-big-\(UUID().uuidString).ptero").path
        FileManager.default.createFile(atPath: path, contents: Data(count: FileImporter.maximumBytes + 1))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(importing(path) == "cannot import \(Value.quote(path)): it is larger than the limit of \(FileImporter.maximumBytes) bytes")
    }

    @Test func aFileThatIsNotUTF8IsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ptero-latin1-\(UUID().uuidString).ptero").path
        FileManager.default.createFile(atPath: path, contents: Data([0x70, 0xE9, 0x0A]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(importing(path) == "cannot import \(Value.quote(path)): it is not UTF-8 text")
    }

    @Test func aNameWithAnEscapeSequenceNeverReachesTheTerminalRaw() throws {
        let name = "evil\u{1B}[2J.ptero"
        let diagnostic = Diagnostic(.runtime, "cannot import \"\u{1B}[31mx\"", source: Source(name: name, text: "import x\n"),
                                    range: SourceRange(start: 0, end: 6))
        #expect(!diagnostic.description.unicodeScalars.contains("\u{1B}"))
        #expect(diagnostic.description.hasPrefix("evil␛[2J.ptero:1:1: error: cannot import \"␛[31mx\""))
    }
}
