import Hummingbird
import NIOCore
import Synchronization

/// Simulated network trouble: latency with jitter and random 500/502/503 or dropped
/// connections, so clients' retry logic can be exercised against the sim.
final class FaultInjector: Sendable {
    private let latency: Int
    private let rate: Double
    private let random: Mutex<SplitMix64>

    init(options: SimulatorOptions) {
        latency = options.latencyMilliseconds
        rate = options.faultRate
        random = Mutex(SplitMix64(seed: options.seed ^ 0xFA017))
    }

    /// Sleeps for the configured latency and maybe returns a failure to send instead.
    func apply() async -> Response? {
        guard latency > 0 || rate > 0 else { return nil }
        let (delay, roll, kind) = random.withLock { generator -> (Int, Double, Int) in
            let jitter = latency / 4
            let delay = latency + (jitter > 0 ? Int(generator.next() % UInt64(2 * jitter + 1)) - jitter : 0)
            return (delay, Double(generator.next() % 1_000_000) / 1_000_000, Int(generator.next() % 4))
        }
        if delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
        guard roll < rate else { return nil }
        switch kind {
        case 0: return PanelResponder.response(.error(.internalError))
        case 1: return PanelResponder.response(.error(PanelError(status: 502, code: "HttpException", detail: "Bad Gateway")))
        case 2: return PanelResponder.response(.error(PanelError(status: 503, code: "HttpException", detail: "Service Unavailable")))
        default:
            // A body writer that fails makes Hummingbird close the connection mid-answer.
            return Response(status: .ok, headers: [.contentLength: "100"], body: ResponseBody { _ in throw DroppedConnection() })
        }
    }

    struct DroppedConnection: Error {}
}
