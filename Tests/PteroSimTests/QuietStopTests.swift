import AsyncHTTPClient
import Logging
import Synchronization
import Testing
@testable import PteroSim

/// Stopping a sim is routine (every live test does it) and must log nothing: a cancelled
/// Hummingbird server logged two error lines each time, 132 in a passing test run.
@Suite struct QuietStopTests {
    @Test func startServeAndStopLogNothingAtWarningOrWorse() async throws {
        let recorder = RecordingLogHandler()
        var options = SimulatorOptions.testing()
        options.logger = Logger(label: "PteroSim") { _ in recorder }
        let panel = SimulatedPanel(options: options)
        let running = try await panel.start()
        var request = HTTPClientRequest(url: running.url.absoluteString + "/api/client/account")
        request.headers.add(name: "Authorization", value: "Bearer \(panel.clientKey)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 200)
        _ = try await response.body.collect(upTo: 1 << 20)
        await running.stop()
        #expect(recorder.messages(atLeast: .warning) == [])
    }
}

/// A LogHandler that keeps what it is given, for asserting on it.
struct RecordingLogHandler: LogHandler, Sendable {
    private let entries = Entries()
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    final class Entries: Sendable {
        let list = Mutex<[(Logger.Level, String)]>([])
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        entries.list.withLock { $0.append((event.level, "\(event.message)")) }
    }

    func messages(atLeast level: Logger.Level) -> [String] {
        entries.list.withLock { $0.filter { $0.0 >= level }.map(\.1) }
    }
}
