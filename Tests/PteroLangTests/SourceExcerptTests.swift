import Testing
@testable import PteroLang

/// The line and caret under an error, as a terminal shows them.
struct SourceExcerptTests {
    /// The error's lines; run on the interpreter's large stack, as `ptero` does.
    private func rendered(_ text: String, name: String = "t.ptero") -> [String] {
        LargeStack.run { Self.render(text, name: name) }
    }

    private static func render(_ text: String, name: String) -> [String] {
        do {
            try Interpreter(output: { _ in }).run(Source(name: name, text: text))
            return []
        } catch let diagnostics as Diagnostics {
            return diagnostics.all[0].description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } catch let failure as RuntimeError {
            return failure.diagnostic?.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) ?? []
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aShortLineIsShownWholeWithTheCaretUnderTheRange() {
        #expect(rendered("let total = 10 / 0") == [
            "t.ptero:1:13: error: division by zero",
            "let total = 10 / 0",
            "            ^~~~~~",
        ])
    }

    @Test func aCallsOwnArgumentErrorHasNoTraceButAnErrorInsideHasOne() {
        #expect(rendered("fn f(a) { return a / 0 }\nf(1, 2)") == [
            "t.ptero:2:1: error: f() takes 1 argument, got 2",
            "f(1, 2)",
            "^~~~~~~",
        ])
        #expect(rendered("fn f(a) { return a / 0 }\nf(1)") == [
            "t.ptero:1:18: error: division by zero",
            "fn f(a) { return a / 0 }",
            "                 ^~~~~",
            "  in f(), called at t.ptero:2:1",
        ])
    }

    @Test func aLongLineIsCutToTheCaretAndItsContext() {
        let line = "let x = " + Array(repeating: "1", count: 5_000).joined(separator: " + ") + " + missing"
        let lines = rendered(line)
        #expect(lines[0] == "t.ptero:1:20009: error: undeclared name 'missing'")
        #expect(lines[1].hasPrefix("…1 + 1"))
        #expect(lines[1].hasSuffix("+ 1 + missing"))
        #expect(TerminalText.width(of: lines[1]) <= SourceExcerpt.maximumWidth)
        let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let nameColumn = lines[1].range(of: "missing").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caretColumn == nameColumn)
        #expect(lines[2].hasSuffix("^~~~~~~"))
    }

    @Test func theCutKeepsTheCaretInSightInTheMiddleOfALongLine() {
        let excerpt = SourceExcerpt(line: String(repeating: "a", count: 500) + "XYZ" + String(repeating: "b", count: 500),
                                    column: 501, length: 3)
        #expect(excerpt.line.hasPrefix("…a"))
        #expect(excerpt.line.hasSuffix("b…"))
        #expect(excerpt.line.count == SourceExcerpt.maximumWidth)
        let caret = excerpt.caret.firstIndex(of: "^").map { excerpt.caret.distance(from: excerpt.caret.startIndex, to: $0) }
        let target = excerpt.line.firstIndex(of: "X").map { excerpt.line.distance(from: excerpt.line.startIndex, to: $0) }
        #expect(caret == target)
        #expect(excerpt.caret.hasSuffix("^~~"))
    }

    @Test func controlCharactersShowAsPicturesAndTheCaretStaysAligned() {
        let lines = rendered("let a = \"\u{1B}[31m\" + @")
        #expect(lines[1] == "let a = \"\u{241B}[31m\" + @")
        #expect(lines[2] == String(repeating: " ", count: 18) + "^")
    }

    @Test func invisibleFormatCharactersAreSpelledOut() {
        let lines = rendered("print(1 \u{202E} 2)")
        #expect(lines[0].hasSuffix("error: unexpected character '<U+202E>'"))
        #expect(lines[1] == "print(1 <U+202E> 2)")
        #expect(lines[2] == "        ^~~~~~~~")
    }

    @Test func wideCharactersTakeTwoColumnsBeforeTheCaret() {
        let lines = rendered("print(\"服務器\", @)")
        #expect(lines[2] == String(repeating: " ", count: 16) + "^")
        #expect(TerminalText.width(of: "服務器") == 6)
        #expect(TerminalText.width(of: "🎮") == 2)
        #expect(TerminalText.width(of: "é") == 1)
    }

    @Test func tabsBeforeTheCaretStayTabsSoTheTerminalAlignsBoth() {
        let lines = rendered("\tlet\tx = @")
        #expect(lines[1] == "\tlet\tx = @")
        #expect(lines[2] == "\t   \t    ^")
    }

    @Test func aCaretAtTheEndOfALongLineShowsItsEnd() {
        let excerpt = SourceExcerpt(line: String(repeating: "(", count: 1_000), column: 1_001, length: 1)
        #expect(excerpt.line.hasPrefix("…"))
        #expect(!excerpt.line.hasSuffix("…"))
        #expect(excerpt.caret == " " + String(repeating: " ", count: excerpt.line.count - 1) + "^")
    }
}
