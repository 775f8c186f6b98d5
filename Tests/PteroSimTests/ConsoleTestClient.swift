import AsyncHTTPClient
import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import Testing
@testable import PteroSim

/// One frame from the console socket: `{"event", "args"}`.
struct ConsoleFrame: Sendable, CustomStringConvertible {
    let event: String
    let args: [String]
    var description: String { "\(event) \(args)" }

    init?(_ text: String) {
        guard let json = try? JSONParser.parse(Array(text.utf8)), let event = json["event"]?.stringValue else { return nil }
        self.event = event
        args = (json["args"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// `args[0]` parsed as JSON (stats, backup payloads).
    var payload: JSONValue { (try? JSONParser.parse(Array((args.first ?? "").utf8))) ?? .null }
}

/// Frames received, handed to waiters; every wait ends after a timeout instead of hanging.
actor ConsoleInbox {
    private var frames: [ConsoleFrame] = []
    private var waiter: CheckedContinuation<ConsoleFrame?, Never>?
    private var finished = false

    func push(_ frame: ConsoleFrame) {
        if let waiter { self.waiter = nil; waiter.resume(returning: frame) } else { frames.append(frame) }
    }

    func finish() {
        finished = true
        if let waiter { self.waiter = nil; waiter.resume(returning: nil) }
    }

    func next(timeout: Duration) async -> ConsoleFrame? {
        if !frames.isEmpty { return frames.removeFirst() }
        if finished { return nil }
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            await self?.expire()
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { waiter = $0 }
    }

    private func expire() {
        if let waiter { self.waiter = nil; waiter.resume(returning: nil) }
    }
}

/// A websocket client for the console tests (hummingbird-websocket's WebSocketClient).
final class ConsoleTestClient: Sendable {
    let inbox = ConsoleInbox()
    private let outgoing: AsyncStream<String>.Continuation
    private let running: Task<WebSocketCloseFrame?, Error>

    /// Waits this long for any one frame (generous: CI is loaded; no test waits this out on success).
    static let frameTimeout: Duration = .seconds(10)

    init(url: String, origin: String?) {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        outgoing = continuation
        let inbox = inbox
        var configuration = WebSocketClientConfiguration()
        if let origin { configuration.additionalHeaders[.origin] = origin }
        running = Task {
            defer { Task { await inbox.finish() } }
            return try await WebSocketClient.connect(url: url, configuration: configuration, logger: Logger(label: "console-test")) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in stream { try await outbound.write(.text(text)) }
                        try await outbound.close(.normalClosure, reason: nil)
                    }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message, let frame = ConsoleFrame(text) { await inbox.push(frame) }
                    }
                    group.cancelAll()
                }
            }
        }
    }

    func send(_ event: String, _ args: [String] = []) {
        var pairs: [(String, JSONValue)] = [("event", .string(event))]
        if !args.isEmpty { pairs.append(("args", .array(args.map { .string($0) }))) }
        outgoing.yield(String(decoding: JSONSerializer.serialize(.object(pairs)), as: UTF8.self))
    }

    func sendRaw(_ text: String) { outgoing.yield(text) }

    /// The next frame; fails the test (and returns nil) after the timeout.
    func next(sourceLocation: SourceLocation = #_sourceLocation) async -> ConsoleFrame? {
        let frame = await inbox.next(timeout: Self.frameTimeout)
        if frame == nil { Issue.record("no frame within the timeout", sourceLocation: sourceLocation) }
        return frame
    }

    /// Frames up to and including the first `event`; the last element is that frame.
    func until(_ event: String, sourceLocation: SourceLocation = #_sourceLocation) async -> [ConsoleFrame] {
        var seen: [ConsoleFrame] = []
        while let frame = await inbox.next(timeout: Self.frameTimeout) {
            seen.append(frame)
            if frame.event == event { return seen }
        }
        Issue.record("no \(event) within the timeout; saw \(seen)", sourceLocation: sourceLocation)
        return seen
    }

    /// Everything the sim sent before its answer to a marker sent now: the hub handles a
    /// socket's frames in order, so this is exactly what came before. The marker is a
    /// `set state` with no such action, which Wings answers with a `daemon error` and nothing else.
    func drain(sourceLocation: SourceLocation = #_sourceLocation) async -> [ConsoleFrame] {
        send("set state", ["no-such-action"])
        var seen = await until("daemon error", sourceLocation: sourceLocation)
        if seen.last?.event == "daemon error" { seen.removeLast() }
        return seen
    }

    /// Authenticates and returns the frames that followed `auth success` (status, maybe stats).
    func authenticate(_ token: String, sourceLocation: SourceLocation = #_sourceLocation) async -> [ConsoleFrame] {
        send("auth", [token])
        let first = await next(sourceLocation: sourceLocation)
        #expect(first?.event == "auth success", sourceLocation: sourceLocation)
        return await drain(sourceLocation: sourceLocation)
    }

    /// Closes from our side (if still open) and returns the close frame the server sent, if any.
    func close() async throws -> WebSocketCloseFrame? {
        outgoing.finish()
        return try await withThrowingTaskGroup(of: WebSocketCloseFrame?.self) { group in
            group.addTask { try await self.running.value }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                throw ConsoleTestTimeout()
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// Waits for the server to close the socket (without closing from our side first).
    func closedByServer() async throws -> WebSocketCloseFrame? {
        try await withThrowingTaskGroup(of: WebSocketCloseFrame?.self) { group in
            group.addTask { try await self.running.value }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                throw ConsoleTestTimeout()
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }
}

struct ConsoleTestTimeout: Error {}

/// A live sim on a manual clock, with plain HTTP helpers beside the sockets.
struct LiveConsoleSim: Sendable {
    let panel: SimulatedPanel
    let running: RunningPanel
    let clock: SimClock
    var url: String { running.url.absoluteString }

    static let clientOrigin = "ws://127.0.0.1"

    static func start(_ configure: (inout SimulatorOptions) -> Void = { _ in }) async throws -> LiveConsoleSim {
        var options = SimulatorOptions.testing()
        options.clock = .manual()
        // hummingbird's WebSocketClient sends its own `Origin: ws://127.0.0.1` before ours, and
        // Wings (and the sim) read the first: allow it, as `--allowed-origin` would.
        options.console.allowedOrigins = [Self.clientOrigin]
        configure(&options)
        let panel = SimulatedPanel(options: options)
        let running = try await panel.start()
        return LiveConsoleSim(panel: panel, running: running, clock: options.clock)
    }

    func stop() async { await running.stop() }

    func request(_ method: String, _ path: String, key: String, json: String? = nil, headers: [(String, String)] = []) async throws
        -> (status: Int, body: String, headers: [(String, String)]) {
        var request = HTTPClientRequest(url: url + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body), response.headers.map { ($0.name, $0.value) })
    }

    /// `POST /_sim/clock {"advance": seconds}`.
    func advance(_ seconds: Double) async throws {
        let answer = try await request("POST", "/_sim/clock", key: panel.applicationKey, json: #"{"advance": \#(seconds)}"#)
        #expect(answer.status == 200, "clock: \(answer.body)")
    }

    /// A token and socket URL from the panel's own endpoint.
    func token(server: Server, key: String) async throws -> (token: String, socket: String) {
        let answer = try await request("GET", "/api/client/servers/\(server.identifier)/websocket", key: key)
        let json = try JSONParser.parse(Array(answer.body.utf8))
        return (json["data"]?["token"]?.stringValue ?? "", json["data"]?["socket"]?.stringValue ?? "")
    }

    /// Opens a socket for `server` with the sim's own URL as Origin, authenticated.
    func console(server: Server, key: String) async throws -> (client: ConsoleTestClient, afterAuth: [ConsoleFrame]) {
        let (token, socket) = try await token(server: server, key: key)
        let client = ConsoleTestClient(url: socket, origin: url)
        let frames = await client.authenticate(token)
        return (client, frames)
    }

    func state<T>(_ body: (inout PanelState) -> T) -> T { panel.store.withState { body(&$0) } }

    /// A plain, offline server and its owner's client key.
    func offlineServer() -> (server: Server, key: String) {
        state { state in
            let server = state.sortedValues(state.servers).first { $0.status == nil && $0.ownerId > 2 }!
            state.servers[server.id]?.power = PowerState()
            state.servers[server.id]?.backupLimit = 5
            let key = state.sortedValues(state.apiKeys).first { $0.userId == server.ownerId && $0.kind == .client }!.token
            return (state.servers[server.id]!, key)
        }
    }
}
