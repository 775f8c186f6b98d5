import Foundation
import Testing

/// A ptero option after FILE or `-e CODE` used to land in `args`, so
/// `ptero migrate.ptero --dry-run` ran for real: now it is a usage error on
/// both launch paths, and `--` passes options to the script on purpose.
struct ScriptArgumentTests {
    let script: URL

    init() throws {
        script = try PteroBinary.temporaryFolder().appendingPathComponent("migrate.ptero")
        try "print(\"ran\", args)\n".write(to: script, atomically: true, encoding: .utf8)
    }

    @Test(arguments: ["--dry-run", "--yes", "--journal", "--journal=run.log", "--profile", "--url", "--insecure", "--format"])
    func aPteroOptionAfterTheFileIsRefusedBeforeAnythingRuns(option: String) throws {
        let result = try PteroBinary.run([script.path, option, "x"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        let name = option.split(separator: "=").first.map(String.init) ?? option
        #expect(result.errors.contains("\(name) after \(script.path) would reach the script's args"), "\(result.errors)")
        #expect(result.errors.contains("put it before \(script.path)"))
        #expect(result.errors.contains("-- \(name)"))
    }

    /// An option before FILE sends the command line through ArgumentParser,
    /// which keeps what follows FILE for the script: refused there too.
    @Test func theArgumentParserPathRefusesAlike() throws {
        let result = try PteroBinary.run(["--format", "text", script.path, "--dry-run"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("--dry-run after \(script.path) would reach the script's args"), "\(result.errors)")
        let viaRun = try PteroBinary.run(["run", script.path, "a", "--yes"])
        #expect(viaRun.status == 2)
        #expect(viaRun.output.isEmpty)
    }

    @Test func afterDashDashOptionsGoToTheScript() throws {
        let quick = try PteroBinary.run([script.path, "a", "--", "--dry-run", "--"])
        #expect(quick.output == "ran [\"a\", \"--dry-run\", \"--\"]\n")
        let parsed = try PteroBinary.run(["--format", "text", script.path, "--", "--yes"])
        #expect(parsed.output == "ran [\"--yes\"]\n", "\(parsed.errors)")
        let code = try PteroBinary.run(["-e", "print(args)", "--", "--yes"])
        #expect(code.output == "[\"--yes\"]\n")
        // ArgumentParser alone would take the word after `--` for FILE.
        let parsedCode = try PteroBinary.run(["--format", "text", "-e", "print(args)", "--", "--yes", "b"])
        #expect(parsedCode.output == "[\"--yes\", \"b\"]\n", "\(parsedCode.errors)")
    }

    @Test func aPteroOptionAfterDashECodeIsRefused() throws {
        for arguments in [["-e", "print(\"ran\")", "--yes"], ["-e", "print(\"ran\")", "x", "--dry-run"],
                          ["--format", "text", "-e", "print(\"ran\")", "--journal", "j.log"]] {
            let result = try PteroBinary.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.output.isEmpty)
            #expect(result.errors.contains("after -e CODE would reach the script's args"), "\(result.errors)")
        }
    }

    /// Options a script may well define for itself are still its own.
    @Test func otherOptionsAfterTheFileStayTheScripts() throws {
        let result = try PteroBinary.run([script.path, "--verbose", "--help", "-n", "3"])
        #expect(result.output == "ran [\"--verbose\", \"--help\", \"-n\", \"3\"]\n")
    }

    @Test func aNameWithEscapesIsShownVisibly() throws {
        let result = try PteroBinary.run(["evil\u{1b}[31m.ptero", "--yes"])
        #expect(result.status == 2)
        #expect(!result.errors.contains("\u{1b}"))
        #expect(result.errors.contains("evil␛[31m.ptero"))
    }
}
