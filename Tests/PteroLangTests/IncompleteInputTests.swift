import Testing
@testable import PteroLang

/// The REPL asks for another line exactly when the parser says the input
/// stopped early: whatever was still open, one "unexpected end of input".
struct IncompleteInputTests {
    private func diagnostics(_ text: String) -> Diagnostics? {
        do {
            _ = try Parser.parse(Source(name: "<repl>", text: text))
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        "for s in servers {",
        "for s in servers {\n    s.build(memory: 2GB,",
        "for s in servers {\n    let m = {memory: [1,",
        "if true {\n    while false {\n        fn f(x) {\n            return (x +",
        "let xs = [1, [2, [3, {a: (4",
        "print(\"a\",",
        "fn f() {\n    if true {\n        [",
    ])
    func stopsEarlyWithOneDiagnosticAtAnyDepth(text: String) throws {
        let found = try #require(diagnostics(text))
        #expect(found.isIncompleteInput)
        #expect(found.all.count == 1, "\(found)")
        #expect(found.all[0].message == "unexpected end of input")
    }

    @Test func finishingTheNestedLinesParses() {
        let text = "for s in servers {\n    s.build(memory: 2GB,\n            disk: [1,\n 2].count)\n}"
        #expect(diagnostics(text) == nil)
    }

    @Test(arguments: [
        "for s in servers {\n    s.build(memory: 2GB,)) +",
        "let x = 1 +\n)\nfor y in z {",
        "for s in servers {\n    let = 3\n",
    ])
    func anEarlierRealErrorIsNotIncompleteInput(text: String) throws {
        let found = try #require(diagnostics(text))
        #expect(!found.isIncompleteInput, "\(found)")
    }
}
