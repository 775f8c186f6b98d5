import Foundation
import Testing

/// Lines typed or pasted into a block that opens brackets of its own are
/// one entry: nothing runs until the outer block closes.
struct ReplContinuationTests {
    @Test func aNestedUnfinishedBlockWaitsForItsEnd() throws {
        // Before the fix the inner `(` ended the entry with two errors and
        // the remaining lines ran one by one: `s` was then the older 99.
        let input = """
            let s = 99
            let seen = []
            for s in [1, 2] {
                seen.push([s,
                           {value: (s *
                                    10)}])
            }
            print(seen)
            print(s)
            """
        let result = try PteroBinary.run(["repl"], input: input + "\n")
        #expect(result.status == 0)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.output.contains("[[1, {value: 10}], [2, {value: 20}]]\n"), "\(result.output)")
        #expect(result.output.contains("99\n"))
    }

    @Test func anEntryBrokenInsideAnOpenBlockRunsNoneOfItsLines() throws {
        // The error is shown at once and once; the lines after it, still
        // inside the block, must not run on their own (`s` is the outer 99).
        let input = """
            let s = 99
            for s in [1, 2] {
                print(s +)
                print("inner", s)
            }
            print("after", s)
            """
        let result = try PteroBinary.run(["repl"], input: input + "\n")
        #expect(result.status == 0)
        #expect(!result.output.contains("inner"), "\(result.output)")
        #expect(result.output.contains("after 99\n"), "\(result.output)")
        #expect(result.errors.components(separatedBy: "error: expected an expression, found ')'").count == 2, "\(result.errors)")
        #expect(!result.errors.contains("unexpected end of input"), "\(result.errors)")
        #expect(!result.errors.contains("found '}'"), "\(result.errors)")
    }
}
