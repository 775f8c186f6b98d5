import Foundation
import Testing

/// The `ptero` command as the README and `--help` describe it.
struct CommandLineTests {
    @Test func runsCodeGivenWithDashE() throws {
        let result = try PteroBinary.run(["-e", "print(1 + 2, args)", "a", "b"])
        #expect(result.status == 0)
        #expect(result.output == "3 [\"a\", \"b\"]\n")
    }

    /// A journal replays a script from its top; a REPL session has none,
    /// so `--journal` there is refused before anything is opened.
    @Test func theREPLRefusesAJournal() throws {
        let folder = try PteroBinary.temporaryFolder()
        let journal = folder.appendingPathComponent("session.journal").path
        let result = try PteroBinary.run(["repl", "--url", "http://127.0.0.1:1", "--journal", journal], input: "print(1)\n")
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.contains("--journal is for scripts"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test func runsAFileWithItsArguments() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("greet.ptero")
        try "print(\"hi {args[0]}\", len(args))\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run([script.path, "there", "--flag"])
        #expect(result.output == "hi there 2\n")
        #expect(result.status == 0)
    }

    /// The quick launch path and ArgumentParser must read these alike:
    /// everything after the script or `-e CODE` belongs to the script
    /// (ptero's own run options there are refused: `ScriptArgumentTests`).
    @Test func optionLikeArgumentsAfterTheScriptAreTheScripts() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("echo.ptero")
        try "print(args)\n".write(to: script, atomically: true, encoding: .utf8)
        let fromFile = try PteroBinary.run([script.path, "--version", "-x"])
        #expect(fromFile.output == "[\"--version\", \"-x\"]\n")
        let fromCode = try PteroBinary.run(["-e", "print(args)", "x", "--", "--url", "y"])
        #expect(fromCode.output == "[\"x\", \"--url\", \"y\"]\n")
        let afterDashes = try PteroBinary.run(["-e", "print(args)", "--", "x"])
        #expect(afterDashes.output == "[\"x\"]\n")
        let missingCode = try PteroBinary.run(["-e"])
        #expect(missingCode.status == 2)
    }

    @Test func runsAShebangScript() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("tool")
        try "#!/usr/bin/env ptero\nprint(\"shebang\", args)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let path = PteroBinary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
        let result = try PteroBinary.run(["x"], environment: ["PATH": path], executable: script)
        #expect(result.output == "shebang [\"x\"]\n")
    }

    @Test func readsAScriptFromAPipe() throws {
        let result = try PteroBinary.run([], input: "let x = 20\nprint(x * 2)\n")
        #expect(result.output == "40\n")
        #expect(result.status == 0)
    }

    @Test func runtimeErrorShowsPlaceLineAndCaretAndExitsOne() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("fail.ptero")
        try "print(\"before\")\nlet x = 10 / 0\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run([script.path])
        #expect(result.status == 1)
        #expect(result.output == "before\n")
        #expect(result.errors == "\(script.path):2:9: error: division by zero\nlet x = 10 / 0\n        ^~~~~~\n")
    }

    @Test func syntaxErrorExitsSixtyFive() throws {
        let result = try PteroBinary.run(["-e", "let = 3"])
        #expect(result.status == 65)
        #expect(result.errors.hasPrefix("<-e>:1:5: error: expected a name after 'let', found '='"))
    }

    @Test func checkReportsEveryErrorAndRunsNothing() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("broken.ptero")
        try "print(\"ran\")\nlet a = (1 +\nlet b = 2\nprint(undefined_name)\nbreak\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run(["check", script.path])
        #expect(result.status == 65)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("broken.ptero:3:1: error: expected an expression, found 'let'"))
        let clean = folder.appendingPathComponent("clean.ptero")
        try "let a = 1\nprint(a)\n".write(to: clean, atomically: true, encoding: .utf8)
        let cleanResult = try PteroBinary.run(["check", clean.path])
        #expect(cleanResult.status == 0)
        #expect(cleanResult.output.isEmpty)
    }

    @Test func checkFindsResolveErrorsInEveryStatement() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("names.ptero")
        try "print(nope)\nlet a = 1\nlet a = 2\nbreak\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run(["check", script.path])
        #expect(result.status == 65)
        let errorLines = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count == 3)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try PteroBinary.run(["/no/such/file.ptero"]).status == 2)
        #expect(try PteroBinary.run(["--no-such-option"]).status == 2)
        #expect(try PteroBinary.run(["check"]).status == 2)
    }

    @Test func exitBuiltinSetsTheCode() throws {
        let result = try PteroBinary.run(["-e", "print(\"bye\")\nexit(7)\nprint(\"not reached\")"])
        #expect(result.status == 7)
        #expect(result.output == "bye\n")
    }

    @Test func helpDocumentsExitCodesAndVersionPrints() throws {
        let help = try PteroBinary.run(["--help"])
        #expect(help.status == 0)
        // Every exit code the command uses, each with what it means.
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for code in ["0 success", "1 runtime error", "2 usage error", "4 a resumed run stopped at a write it cannot judge",
                     "65 syntax or name-resolution error", "130 interrupted"] {
            #expect(text.contains(code), "\(code) is not in --help")
        }
        for command in ["check", "repl", "demo", "sim", "login", "journal"] {
            #expect(help.output.contains("\n  \(command) "), "\(command) is not in --help")
        }
        let version = try PteroBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression) != nil, "\(version.output)")
    }

    @Test func hostileInputGivesDiagnosticsNotCrashes() throws {
        let inputs = [
            String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000),
            String(repeating: "[", count: 10_000),
            "\"unterminated",
            "1" + String(repeating: "+1", count: 20_000),
            "print(99999999999999999999999999)",
            String(decoding: (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, as: UTF8.self),
        ]
        for input in inputs {
            let result = try PteroBinary.run([], input: input)
            #expect([0, 1, 65].contains(result.status), "status \(result.status) for input starting \(input.prefix(20))")
            if result.status != 0 { #expect(result.errors.contains("error: ")) }
        }
    }
}
