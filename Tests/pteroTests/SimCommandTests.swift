import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `ptero sim` as a user starts it: prints where it listens and the keys,
/// then answers the panel's API on that port.
struct SimCommandTests {
    @Test func servesThePanelAndPrintsItsKeys() throws {
        let process = Process()
        process.executableURL = PteroBinary.url
        process.arguments = ["sim", "--port", "0", "--seed", "3", "--servers", "10"]
        let output = Pipe()
        process.standardOutput = output
        // Never the runner's own stderr: a child left holding it keeps
        // `swift test` waiting for the end of its output.
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }

        var banner = ""
        let deadline = Date().addingTimeInterval(30)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while !banner.contains("client key:"), Date() < deadline {
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 200) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            banner += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        let words = banner.split(whereSeparator: \.isWhitespace).map(String.init)
        let url = try #require(words.first { $0.hasPrefix("http://127.0.0.1:") })
        let key = try #require(words.first { $0.hasPrefix("ptla_") })
        #expect(key.count == 48)

        let answer = try PteroBinary.run(["-s", "-H", "Authorization: Bearer \(key)", "-H", "Accept: application/json",
                                          url + "/api/application/servers?per_page=3"],
                                         executable: URL(fileURLWithPath: "/usr/bin/curl"))
        let body = try JSONSerialization.jsonObject(with: Data(answer.output.utf8)) as? [String: Any]
        let pagination = (body?["meta"] as? [String: Any])?["pagination"] as? [String: Any]
        #expect(pagination?["total"] as? Int == 10)
        #expect(pagination?["per_page"] as? Int == 3)

        let refused = try PteroBinary.run(["-s", url + "/api/application/servers"], executable: URL(fileURLWithPath: "/usr/bin/curl"))
        #expect(refused.output.contains("Unauthenticated."))
    }

    @Test func rejectsBadOptionsWithUsageErrors() throws {
        #expect(try PteroBinary.run(["sim", "--rate-limit", "app=x"]).status == 2)
        #expect(try PteroBinary.run(["sim", "--app-key", "short"]).status == 2)
        #expect(try PteroBinary.run(["sim", "--nodes", "0"]).status == 2)
    }
}
