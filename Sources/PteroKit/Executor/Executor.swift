import Foundation
import Synchronization

/// Every request of the process goes through one executor: it keeps under
/// the panel's rate limit, bounds concurrency and retries what may safely
/// be retried.
///
/// A request first waits for room in its API's window, then for one of the
/// `concurrency` slots, then takes its place in the window and is sent. A
/// 429 closes the API's window for everyone until `Retry-After`, then the
/// request goes again (the panel did nothing with it, so even a POST).
public final class Executor: Sendable {
    public let transport: any PanelTransport
    public let settings: ExecutorSettings
    private let limiter: RateLimiter
    private let gate: ConcurrencyGate
    private let state = Mutex(ExecutorCounters())

    public init(transport: any PanelTransport, settings: ExecutorSettings = ExecutorSettings()) {
        self.transport = transport
        self.settings = settings
        limiter = RateLimiter(settings: settings)
        gate = ConcurrencyGate(capacity: settings.concurrency)
    }

    /// Sends `request` and returns the panel's final answer (a 429 is waited
    /// out, never returned, unless retries run out). Throws the transport's
    /// error when retries run out or may not be tried, and
    /// `CancellationError` promptly when the task is cancelled. `resend`
    /// says whether a write that may have reached the panel is sent again
    /// (see `Resend`).
    public func perform(_ request: PanelRequest, resend: Resend = .whenIdempotent) async throws -> PanelResponse {
        var retries = 0
        var throttledRetries = 0
        do {
            while true {
                let outcome = try await attempt(request)
                switch outcome {
                case .success(let response):
                    if response.status == 429, let advice = ThrottleAdvice(response, window: settings.window) {
                        state.withLock { $0.throttled += 1 }
                        guard throttledRetries < settings.maximumThrottledRetries, advice.wait <= settings.maximumThrottleWait else {
                            return finish(response)
                        }
                        throttledRetries += 1
                        try await waitOut(advice, api: request.api)
                    } else if RetryPolicy.mayRetry(request, status: response.status, resend: resend), retries < settings.maximumRetries {
                        try await backOff(retry: &retries)
                    } else {
                        return finish(response)
                    }
                case .failure(let error as TransportError):
                    guard RetryPolicy.mayRetry(request, after: error, resend: resend), retries < settings.maximumRetries else { throw error }
                    try await backOff(retry: &retries)
                case .failure(let error):
                    throw error
                }
            }
        } catch {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            state.withLock { $0.failed += 1 }
            throw error
        }
    }

    public var counters: ExecutorCounters {
        var counters = state.withLock { $0 }
        counters.waitedForLimit = limiter.heldBack
        return counters
    }

    /// The limit the executor keeps to for `api` now (the panel's once it
    /// has said so).
    public func currentLimit(_ api: PanelAPI) -> Int { limiter.limit(api) }

    /// One send, in a slot and in the window; the panel's answer or the
    /// transport's error. Throws only for cancellation.
    private func attempt(_ request: PanelRequest) async throws -> Result<PanelResponse, Error> {
        let window = try await admit(request.api)
        state.withLock {
            $0.sent += 1
            $0.inFlight += 1
        }
        defer {
            limiter.finished(request.api, window: window)
            state.withLock { $0.inFlight -= 1 }
            gate.leave()
        }
        do {
            let response = try await transport.send(request)
            limiter.record(response, api: request.api, window: window)
            return .success(response)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            try Task.checkCancellation()
            return .failure(error)
        }
    }

    /// Waits for room in the window and for a slot, and returns holding the
    /// slot with the window's number. Room is checked before queueing for a
    /// slot so that requests held back by one API leave the slots to the
    /// other.
    private func admit(_ api: PanelAPI) async throws -> Int {
        while true {
            try await limiter.waitForRoom(api)
            try await gate.enter()
            if Task.isCancelled {
                gate.leave()
                throw CancellationError()
            }
            if case .admitted(let window) = limiter.admit(api) { return window }
            gate.leave()
        }
    }

    private func waitOut(_ advice: ThrottleAdvice, api: PanelAPI) async throws {
        if advice.pausesAPI {
            limiter.throttled(api, for: advice.wait)
        } else {
            try await Task.sleep(for: advice.wait)
        }
    }

    private func backOff(retry: inout Int) async throws {
        let delay = RetryPolicy.backoff(retry: retry, settings: settings)
        retry += 1
        state.withLock { $0.retried += 1 }
        try await Task.sleep(for: delay)
    }

    /// Counts a final answer that is still a failure worth reporting.
    private func finish(_ response: PanelResponse) -> PanelResponse {
        if response.status >= 500 || response.status == 429 { state.withLock { $0.failed += 1 } }
        return response
    }
}
