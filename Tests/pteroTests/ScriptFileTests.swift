import Foundation
import Testing

/// What `ptero` says about a script it cannot read: the reason a person can
/// act on, the name made visible, and a size limit instead of reading forever.
struct ScriptFileTests {
    @Test func aFolderIsAFolder() throws {
        let folder = try PteroBinary.temporaryFolder()
        let result = try PteroBinary.run([folder.path])
        #expect(result.status == 2)
        #expect(result.errors == "ptero: cannot read \(folder.path): it is a folder, not a script\n")
    }

    @Test func aDeviceIsNotARegularFile() throws {
        let result = try PteroBinary.run(["/dev/zero"])
        #expect(result.status == 2)
        #expect(result.errors == "ptero: cannot read /dev/zero: it is not a regular file\n")
        #expect(try PteroBinary.run(["check", "/dev/zero"]).status == 2)
    }

    @Test func aNameWithAnEscapeSequenceIsShownNotObeyed() throws {
        let result = try PteroBinary.run(["/no/such/\u{1b}]0;owned\u{7}.ptero"])
        #expect(result.status == 2)
        #expect(!result.errors.contains("\u{1b}"))
        #expect(result.errors == "ptero: cannot read /no/such/␛]0;owned␇.ptero: no such file\n")
    }

    @Test func aScriptOverTheLimitIsAUsageError() throws {
        let folder = try PteroBinary.temporaryFolder()
        let big = folder.appendingPathComponent("big.ptero")
        let line = Data(String(repeating: "#", count: 1023).utf8 + [10])
        var data = Data()
        for _ in 0..<(16 * 1024 + 1) { data.append(line) }
        try data.write(to: big)
        let fromFile = try PteroBinary.run([big.path])
        #expect(fromFile.status == 2)
        #expect(fromFile.errors.contains("a script may be at most 16 MiB"), "\(fromFile.errors)")

        let process = Process()
        process.executableURL = PteroBinary.url
        process.standardInput = try FileHandle(forReadingFrom: big)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errorText == "ptero: cannot read the script on stdin: a script may be at most 16 MiB\n")
    }
}
