import Hummingbird
import NIOCore
import Synchronization

/// Simulated network trouble: latency with jitter, and on a share of the API
/// requests (`--fault-rate`) one of the failures a real panel behind a proxy
/// shows. Some come before the panel does anything (a 500, 502 or 503, or a
/// connection dropped before the request is read); some after the panel has
/// done the request (the connection dropped on the way back, or a gateway
/// that gave up and answers 504), which a client must not mistake for a
/// request that never arrived.
final class FaultInjector: Sendable {
    /// What becomes of one request.
    enum Fate {
        /// Handled and answered as the panel would.
        case answered
        /// Answered with `response` instead; the panel never sees the request.
        case failedBefore(Response)
        /// Handled by the panel, then its answer is lost: the connection drops,
        /// or (`gatewayTimeout`) a 504 comes back in its place.
        case lostAfter(gatewayTimeout: Bool)
    }

    private let latency: Int
    private let rate: Double
    private let faults: [SimulatedFault]
    private let random: Mutex<SplitMix64>

    init(options: SimulatorOptions) {
        latency = options.latencyMilliseconds
        rate = options.faults.isEmpty ? 0 : options.faultRate
        faults = options.faults
        random = Mutex(SplitMix64(seed: options.seed ^ 0xFA017))
    }

    /// Sleeps for the configured latency and picks the request's fate.
    func apply() async -> Fate {
        guard latency > 0 || rate > 0 else { return .answered }
        let (delay, roll, kind) = random.withLock { generator -> (Int, Double, Int) in
            let jitter = latency / 4
            let delay = latency + (jitter > 0 ? Int(generator.next() % UInt64(2 * jitter + 1)) - jitter : 0)
            return (delay, Double(generator.next() % 1_000_000) / 1_000_000, Int(generator.next() % UInt64(max(1, faults.count))))
        }
        if delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
        guard roll < rate else { return .answered }
        switch faults[kind] {
        case .serverError: return .failedBefore(PanelResponder.response(.error(.internalError)))
        case .badGateway: return .failedBefore(PanelResponder.response(.error(PanelError(status: 502, code: "HttpException", detail: "Bad Gateway"))))
        case .unavailable: return .failedBefore(PanelResponder.response(.error(PanelError(status: 503, code: "HttpException", detail: "Service Unavailable"))))
        case .droppedBefore: return .failedBefore(Self.dropped)
        case .droppedAfter: return .lostAfter(gatewayTimeout: false)
        case .gatewayTimeoutAfter: return .lostAfter(gatewayTimeout: true)
        }
    }

    /// A body writer that fails makes Hummingbird close the connection mid-answer.
    static var dropped: Response {
        Response(status: .ok, headers: [.contentLength: "100"], body: ResponseBody { _ in throw DroppedConnection() })
    }

    /// What a gateway in front of the panel answers when the panel took too long.
    static var gatewayTimeout: Response {
        PanelResponder.response(.error(PanelError(status: 504, code: "HttpException", detail: "Gateway Timeout")))
    }

    struct DroppedConnection: Error {}
}
