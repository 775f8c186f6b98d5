import Testing
@testable import PteroLang

/// A host keys what it read per statement by (serial, statement epoch): an
/// interpreter freed and another made in its place must not share a key,
/// as their `ObjectIdentifier`s may (a relation read by one interpreter's
/// statement 2 was served to the next one's statement 2).
struct InterpreterSerialTests {
    @Test func interpretersMadeOneAfterAnotherHaveDifferentSerials() {
        var serials: Set<Int> = []
        for _ in 0..<100 {
            let interpreter = Interpreter(output: { _ in })
            serials.insert(interpreter.serial)
        }
        #expect(serials.count == 100)
    }
}
