import Foundation
import Testing

/// A core dump would hold the panel keys: ptero turns them off for itself
/// unless PTERO_CORE_DUMPS=1 asks for them.
struct CoreDumpTests {
    /// The hard and soft core-size limits ptero runs with, from its own /proc.
    func coreLimits(_ environment: [String: String] = [:]) throws -> String {
        let code = "print(read_file(\"/proc/self/limits\").lines().filter(fn(l) => l.starts_with(\"Max core file size\"))[0])"
        let result = try PteroBinary.run(["-e", code], environment: environment)
        #expect(result.status == 0, "\(result.errors)")
        return result.output.split(whereSeparator: \.isWhitespace).dropFirst(4).prefix(2).joined(separator: " ")
    }

    @Test func coreDumpsAreOffUnlessAskedFor() throws {
        #expect(try coreLimits() == "0 0")
        let mine = (try String(contentsOfFile: "/proc/self/limits", encoding: .utf8)).split(separator: "\n")
            .first { $0.hasPrefix("Max core file size") }?.split(whereSeparator: \.isWhitespace).dropFirst(4).prefix(2).joined(separator: " ")
        #expect(try coreLimits(["PTERO_CORE_DUMPS": "1"]) == mine)
    }
}
