import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ptero sim` started as a user starts it, with the URL and keys it prints.
final class SimProcess {
    let process = Process()
    private(set) var banner = ""

    init(arguments: [String] = []) throws {
        process.executableURL = PteroBinary.url
        process.arguments = ["sim", "--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        // Never the runner's own stderr: a child left holding it keeps
        // `swift test` waiting for the end of its output.
        process.standardError = FileHandle.nullDevice
        try process.run()
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
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    private var words: [String] { banner.split(whereSeparator: \.isWhitespace).map(String.init) }
    var url: String? { words.first { $0.hasPrefix("http://127.0.0.1:") } }
    /// The keys as the banner names them ("application key: ..."): with a
    /// prefix on 1.x, without one on a simulated 0.7.
    var applicationKey: String? { key(named: "application key:") }
    var clientKey: String? { key(named: "client key:") }

    private func key(named label: String) -> String? {
        banner.split(separator: "\n").first { $0.contains(label) }?.split(whereSeparator: \.isWhitespace).last.map(String.init)
    }
}
