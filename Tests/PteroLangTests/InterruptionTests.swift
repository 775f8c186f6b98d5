import Testing
@testable import PteroLang

/// Ctrl-C (or SIGTERM) raised while a statement runs stops the script
/// before its next statement, even when that statement loops and calls
/// nothing that would notice.
struct InterruptionTests {
    @Test func noTopLevelStatementStartsAfterAnInterruption() throws {
        nonisolated(unsafe) var printed = ""
        let interpreter = Interpreter(output: { printed += $0 })
        // Stands for a panel write during which the signal arrives.
        interpreter.globals.defineConstant("write", .native(NativeFunction("write") { _, interpreter in
            interpreter.interruption.raise()
            return .null
        }))
        let source = Source(name: "t.ptero", text: "let a = 1\nwrite()\nprint(\"second\")\nlet b = a + 1\nprint(b)\n")
        #expect(throws: Interrupted.self) { try interpreter.run(source) }
        #expect(printed == "")
    }
}
