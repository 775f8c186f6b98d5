import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A write error on stdout is an error, and a reader that went away ends
/// the script quietly: before, `print` to /dev/full exited 0 and a print
/// loop into a closed pipe ran to its end (or forever).
struct OutputFailureTests {
    /// Bounded: before the fix this loop ran to its end and exited 0.
    static let loop = "for i in range(300000) { print(\"line {i}\") }\nprint(\"finished\")"

    func run(_ arguments: [String], output: FileHandle) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = PteroBinary.url
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, errorText)
    }

    @Test func aFullDiskIsAnErrorWithOneLine() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for code in [Self.loop, "print(\"one short line\")"] {
            let result = try run(["-e", code], output: full)
            #expect(result.status == 1, "\(result.errors)")
            #expect(result.errors == "ptero: cannot write the output: No space left on device\n")
        }
    }

    @Test func aClosedPipeEndsTheScriptQuietly() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try run(["-e", Self.loop], output: pipe.fileHandleForWriting)
        #expect(result.status == 1)
        #expect(result.errors.isEmpty, "\(result.errors)")
    }
}
