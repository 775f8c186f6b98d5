import Foundation
import PteroLang
import Testing

/// Keeps the grammar files honest: every `(* example: CODE *)` in
/// grammar/ptero.ebnf and every ```ptero block of README.md must parse
/// without diagnostics, and the TextMate grammar must be valid JSON for
/// `source.ptero`.
struct GrammarExamplesTests {
    /// The package root: this file is Tests/PteroLangTests/GrammarExamplesTests.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static func contents(of relativePath: String) -> String? {
        try? String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The code of each `(* example: CODE *)` comment, in file order.
    static let grammarExamples: [String] = {
        guard let grammar = contents(of: "grammar/ptero.ebnf") else { return [] }
        var examples: [String] = []
        for line in grammar.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = line[...]
            while let opening = rest.range(of: "(* example: ") {
                let afterOpening = rest[opening.upperBound...]
                guard let closing = afterOpening.range(of: " *)") else { break }
                examples.append(String(afterOpening[..<closing.lowerBound]))
                rest = afterOpening[closing.upperBound...]
            }
        }
        return examples
    }()

    /// The body of each fenced block marked ```ptero in README.md; empty when there is no README.
    static let readmeBlocks: [String] = {
        guard let readme = contents(of: "README.md") else { return [] }
        var blocks: [String] = []
        var current: [Substring]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current != nil {
                if trimmed.hasPrefix("```") {
                    blocks.append(current!.joined(separator: "\n"))
                    current = nil
                } else {
                    current!.append(line)
                }
            } else if trimmed == "```ptero" || trimmed.hasPrefix("```ptero ") {
                current = []
            }
        }
        return blocks
    }()

    static let readmeExists = contents(of: "README.md") != nil

    /// The diagnostics of parsing `code`, as "LINE:COL: MESSAGE"; empty when it parses.
    static func parseProblems(_ code: String, name: String) -> [String] {
        do {
            _ = try Parser.parse(Source(name: name, text: code))
            return []
        } catch {
            return error.all.map { "\($0.location): \($0.message)" }
        }
    }

    @Test func grammarHasEnoughExamples() {
        #expect(GrammarExamplesTests.grammarExamples.count >= 25)
    }

    @Test func everyGrammarExampleParses() {
        for example in GrammarExamplesTests.grammarExamples {
            let problems = GrammarExamplesTests.parseProblems(example, name: "example")
            #expect(problems.isEmpty, "grammar example does not parse: \(example)\n\(problems.joined(separator: "\n"))")
        }
    }

    /// Guards the check above: a broken example must be caught, not waved through.
    @Test func aBrokenExampleIsReported() {
        #expect(!GrammarExamplesTests.parseProblems("let = 3", name: "example").isEmpty)
        #expect(!GrammarExamplesTests.parseProblems("print(1 < 2 < 3)", name: "example").isEmpty)
    }

    @Test(.enabled(if: GrammarExamplesTests.readmeExists, "README.md is not written yet"))
    func everyReadmePteroBlockParses() {
        for (position, block) in GrammarExamplesTests.readmeBlocks.enumerated() {
            let problems = GrammarExamplesTests.parseProblems(block, name: "README.md block \(position + 1)")
            #expect(problems.isEmpty, "README.md ```ptero block \(position + 1) does not parse:\n\(block)\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test func textMateGrammarIsValidJSONForSourcePtero() throws {
        let path = GrammarExamplesTests.packageRoot.appendingPathComponent("grammar/ptero.tmLanguage.json")
        let data = try Data(contentsOf: path)
        let object = try JSONSerialization.jsonObject(with: data)
        let grammar = try #require(object as? [String: Any])
        #expect(grammar["scopeName"] as? String == "source.ptero")
        #expect(grammar["fileTypes"] as? [String] == ["ptero"])
        #expect(grammar["patterns"] is [Any])
        #expect(grammar["repository"] is [String: Any])
    }
}
