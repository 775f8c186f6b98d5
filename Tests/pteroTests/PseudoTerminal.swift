import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives a program through a pseudo-terminal, as a person at a keyboard
/// would: type keys, wait for text to appear.
final class PseudoTerminal {
    let process = Process()
    private let master: Int32
    var masterDescriptor: Int32 { master }
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
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        close(master)
    }

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Waits until the program reads keys one by one (the terminal is out
    /// of canonical mode). libedit prints its prompt before it leaves
    /// canonical mode, and a key typed in between is read by the terminal's
    /// own line editor: a Ctrl-D there is lost when libedit takes over.
    @discardableResult
    func waitUntilReadingKeys(timeout: TimeInterval = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var settings = termios()
        while Date() < deadline {
            if tcgetattr(master, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0 { return true }
            usleep(5_000)
        }
        return false
    }

    /// How much output has arrived so far, as a mark to search after.
    var end: Int { transcript.utf8.count }

    /// Reads until `text` appears after the mark `offset`; returns the mark
    /// just past it, or nil when it did not come within `timeout`.
    @discardableResult
    func waitFor(_ text: String, after offset: Int = 0, timeout: TimeInterval = 15) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = find(text, after: offset) { return found }
            if Date() >= deadline { return nil }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { return find(text, after: offset) }
                transcript += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
    }

    private func find(_ text: String, after offset: Int) -> Int? {
        let start = transcript.utf8.index(transcript.startIndex, offsetBy: min(offset, end))
        guard let range = transcript[start...].range(of: text) else { return nil }
        return transcript.utf8.distance(from: transcript.startIndex, to: range.upperBound)
    }

    func waitForExit(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            waitFor("\u{0}", after: end, timeout: 0.1)
        }
        return !process.isRunning
    }
}
