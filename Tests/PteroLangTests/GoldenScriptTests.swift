import Foundation
import PteroLang
import Testing

/// Runs every `Tests/Scripts/**/*.ptero` and compares what it prints with its
/// `# expect: LINE` comments, and how it fails with `# expect error: MESSAGE`
/// (the error must be reported on the line of that comment).
struct GoldenScriptTests {
    static let scriptsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scripts")

    static let scripts: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: scriptsFolder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".ptero") { found.append(path) }
        }
        return found.sorted()
    }()

    @Test func thereAreEnoughScripts() {
        #expect(GoldenScriptTests.scripts.count >= 20)
    }

    @Test(arguments: GoldenScriptTests.scripts)
    func script(_ path: String) throws {
        let url = GoldenScriptTests.scriptsFolder.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let expectation = GoldenExpectation(text)
        let outcome = GoldenRun.run(text, name: path)

        #expect(outcome.output == expectation.output, "output of \(path)")
        let actualErrors = outcome.errors.map { "\($0.line): \($0.message)" }
        let expectedErrors = expectation.errors.map { "\($0.line): \($0.message)" }
        #expect(actualErrors == expectedErrors, "errors of \(path)")
    }
}

/// What a golden script says it should print and fail with.
struct GoldenExpectation {
    var output: [String] = []
    var errors: [(line: Int, message: String)] = []

    init(_ text: String) {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).hasSuffix("\r") ? String(String($0).dropLast()) : String($0) }
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: "# expect: ") {
                output.append(String(line[range.upperBound...]))
            } else if line.hasSuffix("# expect:") {
                output.append("")
            } else if let range = line.range(of: "# expect error: ") {
                errors.append((index + 1, String(line[range.upperBound...])))
            }
        }
    }
}

/// Runs a script the way `ptero FILE` does, collecting output and diagnostics.
enum GoldenRun {
    struct Outcome {
        var output: [String]
        var errors: [(line: Int, message: String)]
    }

    static func run(_ text: String, name: String) -> Outcome {
        final class Collector: @unchecked Sendable { var text = "" }
        let collector = Collector()
        let interpreter = Interpreter(output: { collector.text += $0 })
        // Names are relative to Tests/Scripts; imports are found beside the importer.
        interpreter.importer = { name, importer in
            let place = importer.name.hasPrefix("/") ? importer.name
                : GoldenScriptTests.scriptsFolder.appendingPathComponent(importer.name).path
            return try FileImporter.load(name, from: Source(name: place, text: ""))
        }
        let source = Source(name: name, text: text)
        let errors = LargeStack.run { () -> [(Int, String)] in
            do {
                try interpreter.run(source)
                return []
            } catch let diagnostics as Diagnostics {
                return diagnostics.all.map { ($0.location.line, $0.message) }
            } catch is ExitRequest {
                return []
            } catch let failure as RuntimeError {
                guard let diagnostic = failure.diagnostic else { return [(0, failure.message)] }
                return [(diagnostic.location.line, diagnostic.message)]
            } catch {
                return [(0, "\(error)")]
            }
        }
        var lines = collector.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return Outcome(output: lines, errors: errors)
    }
}
