import Foundation
@testable import PteroKit
import PteroSim
import Testing

/// The console client's costs against the in-process sim: connect and auth,
/// a command's round trip, a dropped socket coming back, and lines a second
/// read. Skipped unless `PTERO_BENCH=1`; prints `BENCH name: value` lines.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PTERO_BENCH"] == "1"))
struct ConsoleBenchmark {
    @Test func consoleCosts() async throws {
        try await ConsoleFixture.run({ $0.console.chatterLinesPerSecond = 150 }) { fixture in
            var connects: [Duration] = []
            for _ in 0..<20 {
                let console = fixture.console()
                let started = ContinuousClock.now
                try await console.connect()
                connects.append(ContinuousClock.now - started)
                await console.close()
            }
            report("connect + auth (token fetch, upgrade, auth success), median of 20", Self.median(connects))

            let console = fixture.console()
            try await console.connect()
            try await fixture.startRunning(console)
            _ = try await fixture.drain(console)
            var trips: [Duration] = []
            for number in 0..<100 {
                let started = ContinuousClock.now
                try await console.send(command: "say \(number)")
                _ = await fixture.events(console, until: { $0.line?.hasSuffix("] \(number)") == true })
                trips.append(ContinuousClock.now - started)
            }
            report("command round trip (send command to its line), median of 100", Self.median(trips))

            var reconnects: [Duration] = []
            for _ in 0..<10 {
                let started = ContinuousClock.now
                console.dropSocket()
                _ = await fixture.events(console, until: { $0 == .reconnected })
                reconnects.append(ContinuousClock.now - started)
            }
            report("dropped socket to reconnected (1 ms back-off), median of 10", Self.median(reconnects))

            _ = try await fixture.drain(console)
            let started = ContinuousClock.now
            for _ in 0..<20 { try await fixture.advance(1) }
            var lines = 0
            while lines < 3000, let event = await console.next(timeout: .seconds(10)) {
                if event.line != nil { lines += 1 }
            }
            let elapsed = ContinuousClock.now - started
            report("3000 chatter lines through the client", "\(lines) lines in \(elapsed), dropped \(console.droppedEvents)")
            await console.close()
        }
    }

    static func median(_ durations: [Duration]) -> String {
        let sorted = durations.sorted()
        return "\(sorted[sorted.count / 2])"
    }

    func report(_ name: String, _ value: String) { print("BENCH \(name): \(value)") }
}
