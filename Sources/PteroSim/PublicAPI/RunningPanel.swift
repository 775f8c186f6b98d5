import Foundation

/// A simulated panel serving in the background, from `SimulatedPanel.start()`.
public struct RunningPanel: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let url: URL
    let serving: Task<Void, Error>

    /// Stops serving and waits until the port is closed.
    public func stop() async {
        serving.cancel()
        _ = try? await serving.value
    }
}

extension SimulatedPanel {
    /// Serves on the configured port in the background and returns once it
    /// listens; throws what stopped it if it never did.
    public func start() async throws -> RunningPanel {
        let (addresses, continuation) = AsyncStream.makeStream(of: String.self)
        let serving = Task {
            defer { continuation.finish() }
            try await run { continuation.yield($0) }
        }
        var iterator = addresses.makeAsyncIterator()
        guard let address = await iterator.next(), let url = URL(string: address) else {
            try await serving.value
            throw CancellationError()
        }
        return RunningPanel(url: url, serving: serving)
    }
}
