import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives a program through a pseudo-terminal, as a person at a keyboard
/// would: type keys, wait for text to appear.
final class PseudoTerminal {
    let process = Process()
    private let master: Int32
    private(set) var transcript = ""

    init(executable: URL, arguments: [String], environment: [String: String]) throws {
        var masterDescriptor: Int32 = 0, slaveDescriptor: Int32 = 0
        guard openpty(&masterDescriptor, &slaveDescriptor, nil, nil, nil) == 0 else {
            throw POSIXError(.ENXIO)
        }
        master = masterDescriptor
        let slave = FileHandle(fileDescriptor: slaveDescriptor, closeOnDealloc: true)
        // setsid -c makes the terminal the controlling one, so Ctrl-C sends SIGINT.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-c", executable.path] + arguments
        process.environment = environment
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until `text` appears after `offset` in the transcript; returns where it ends.
    @discardableResult
    func waitFor(_ text: String, after offset: String.Index? = nil, timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let offset {
                if transcript[offset...].contains(text) { return true }
            } else if transcript.contains(text) {
                return true
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                transcript += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
        return offset.map { transcript[$0...].contains(text) } ?? transcript.contains(text)
    }

    var end: String.Index { transcript.endIndex }

    func waitForExit(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            _ = waitFor("\u{0}", timeout: 0.1)
        }
        return !process.isRunning
    }
}
