import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `ptero` child whose output is read as it comes, so a test can wait
/// for a line (a journal record, "stopping: ...") and then signal it.
final class RunningPtero {
    let process = Process()
    private let output = Pipe(), errors = Pipe()
    private(set) var standardOutput = ""
    private(set) var standardError = ""

    init(_ arguments: [String], environment: [String: String], directory: URL? = nil) throws {
        process.executableURL = PteroBinary.url
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        process.environment = merged
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Reads output until `condition` holds or the bound passes (a hung
    /// child fails the test instead of hanging it); true when it held.
    @discardableResult
    func wait(until condition: () -> Bool, bound: TimeInterval = 60) -> Bool {
        let deadline = Date().addingTimeInterval(bound)
        while !condition() {
            guard Date() < deadline else { return false }
            if !readSome() && !process.isRunning { return condition() }
        }
        return true
    }

    /// Waits for the child to end and returns its status (nil past the bound).
    func exitStatus(bound: TimeInterval = 60) -> Int32? {
        wait(until: { !process.isRunning }, bound: bound)
        while readSome() {}
        guard !process.isRunning else { return nil }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Reads what is ready on stdout and stderr; false when nothing was.
    private func readSome() -> Bool {
        var descriptors = [pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: errors.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)]
        guard poll(&descriptors, 2, 50) > 0 else { return false }
        var any = false
        for (index, descriptor) in descriptors.enumerated() where descriptor.revents & Int16(POLLIN) != 0 {
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = read(descriptor.fd, &buffer, buffer.count)
            guard count > 0 else { continue }
            any = true
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            if index == 0 { standardOutput += text } else { standardError += text }
        }
        return any
    }
}
