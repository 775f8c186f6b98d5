import Foundation
import NIOCore
import Synchronization

/// A server's console over Wings' websocket.
///
/// `connect()` fetches a token through the panel (the executor and its
/// rate limits), opens the socket with the panel's `Origin`, sends `auth`
/// first and waits for `auth success`. The token is kept and reused (on a
/// reconnect too) until Wings says `token expiring`; then a fresh one is
/// fetched and sent as a new `auth` on the same socket, which Wings answers
/// with `auth success` only (router/websocket/websocket.go HandleInbound).
/// A `jwt error` (an expired token arrives so, "jwt: exp claim is invalid":
/// SendJson checks the token before any event) gets one fresh token; another
/// after `reauthenticationGrace` and before `auth success` ends the connection. A socket that drops is
/// opened again with back-off; a close with 4409 (Pelican: suspended) ends it.
///
/// Events are read by one reader, through `events` or `next(timeout:)`. The
/// token is never in an error, an event or a description.
public final class ConsoleConnection: Sendable {
    public typealias TokenSource = @Sendable () async throws -> WebsocketToken

    /// The server's identifier (for messages).
    public let server: String
    public let settings: ConsoleSettings
    private let fetchToken: TokenSource
    private let mailbox: ConsoleMailbox<ConsoleEvent>
    private let state = Mutex(State())

    /// Commands held while the socket is being opened again, at most.
    static let maximumPending = 100
    /// The longest frame sent: Pelican's Wings closes a socket that sends a
    /// longer one (pelican wings router/websocket/websocket.go `SetReadLimit(4096)`).
    public static let maximumFrameSize = 4096

    private enum Phase: Equatable { case idle, open, reconnecting, closed }

    private struct State {
        var phase = Phase.idle
        var token: WebsocketToken?
        var socket: ConsoleSocket?
        var pending: [String] = []
        var runner: Task<Void, Never>?
        /// When a fresh token was sent after a `jwt error`; another one, past the
        /// grace and before `auth success`, ends the connection.
        var refreshedAfterJWTError: ContinuousClock.Instant?
        /// A re-auth is on its way: `token expiring` again does not fetch another token.
        var refreshing = false
        var tokensFetched = 0
        var socketsOpened = 0
        var failure: ConsoleError?
    }

    /// A console of `server` whose tokens come from the panel `client` talks to.
    public convenience init(client: PanelClient, server: String, settings: ConsoleSettings) {
        self.init(server: server, settings: settings) { try await client.websocketToken(server: server) }
    }

    public init(server: String, settings: ConsoleSettings, fetchToken: @escaping TokenSource) {
        self.server = server
        self.settings = settings
        self.fetchToken = fetchToken
        mailbox = ConsoleMailbox(capacity: settings.bufferedEvents)
    }

    deinit {
        let (socket, runner) = state.withLock { ($0.socket, $0.runner) }
        runner?.cancel()
        socket?.abort()
    }

    // MARK: Reading

    /// The events, in order, until the connection ends. One reader at a time.
    public var events: ConsoleEvents { ConsoleEvents(mailbox: mailbox) }

    /// The next event; nil after `timeout`, or once the connection has ended
    /// and every event was read (then `failure` says why, if it failed).
    public func next(timeout: Duration) async -> ConsoleEvent? { await mailbox.next(timeout: timeout) }

    /// The events queued now, without waiting: what was printed before a
    /// command whose own lines are wanted.
    public func takeQueued() -> [ConsoleEvent] { mailbox.takeAll() }

    /// Whether the connection has ended (closed, or failed: see `failure`).
    public var hasEnded: Bool { state.withLock { $0.phase == .closed } }

    /// Why the connection ended, once it has (nil while it runs or after `close()`).
    public var failure: ConsoleError? { state.withLock { $0.failure } }
    /// Tokens fetched from the panel so far.
    public var tokensFetched: Int { state.withLock { $0.tokensFetched } }
    /// Sockets opened so far (1 + reconnects).
    public var socketsOpened: Int { state.withLock { $0.socketsOpened } }
    /// Events dropped because the reader fell behind by `bufferedEvents`.
    public var droppedEvents: Int { mailbox.dropped }

    // MARK: Connecting

    /// Opens the socket and authenticates. Throws `ConsoleError`, or the
    /// panel's error when it refuses the token (`PanelError`).
    public func connect() async throws {
        let phase = state.withLock { $0.phase }
        switch phase {
        case .open, .reconnecting: return
        case .closed: throw ConsoleError(.notConnected, "the console of \(server) was closed")
        case .idle: break
        }
        let socket = try await openAuthenticated()
        let opened = state.withLock { state -> Bool in
            guard state.phase == .idle else { return false }
            state.phase = .open
            state.socket = socket
            return true
        }
        guard opened else {
            await socket.close()
            return
        }
        let runner = Task { await self.run(from: socket) }
        state.withLock { $0.runner = runner }
    }

    /// Closes the socket; the events end (after those already queued).
    public func close() async {
        let (socket, runner) = state.withLock { state -> (ConsoleSocket?, Task<Void, Never>?) in
            state.phase = .closed
            state.pending = []
            defer { state.socket = nil }
            return (state.socket, state.runner)
        }
        await socket?.close()
        runner?.cancel()
        mailbox.finish()
    }

    // MARK: Sending

    /// `send command`: a line typed into the console.
    public func send(command: String) async throws { try await send(event: "send command", args: [command]) }
    /// `send logs`: Wings answers with the last lines as `console output` events.
    public func requestLogs() async throws { try await send(event: "send logs", args: []) }
    /// `send stats`: Wings answers with one `stats` event.
    public func requestStats() async throws { try await send(event: "send stats", args: []) }
    /// `set state`: `start`, `stop`, `restart` or `kill`.
    public func setState(_ action: String) async throws { try await send(event: "set state", args: [action]) }

    /// Sends an event; while the socket is being opened again it is held and
    /// sent after the new `auth success` (it never went out on the old one).
    func send(event: String, args: [String]) async throws {
        let text = try Self.frame(event, args)
        guard text.utf8.count <= Self.maximumFrameSize else {
            throw ConsoleError(.invalid, "\(event) to \(server) would be a \(text.utf8.count)-byte frame; Wings (Pelican's) takes at most \(Self.maximumFrameSize)")
        }
        while true {
            let socket = try state.withLock { state throws(ConsoleError) -> ConsoleSocket? in
                switch state.phase {
                case .idle: throw ConsoleError(.notConnected, "the console of \(server) is not connected")
                case .closed: throw state.failure ?? ConsoleError(.notConnected, "the console of \(server) was closed")
                case .reconnecting:
                    try hold(text, &state)
                    return nil
                case .open: return state.socket
                }
            }
            guard let socket else { return }
            do {
                try await socket.send(text)
                return
            } catch let error as ChannelError where error == .ioOnClosedChannel || error == .alreadyClosed {
                // Nothing went out: hold it for the socket that replaces this one.
                let held = try state.withLock { state throws(ConsoleError) -> Bool in
                    guard state.socket === socket || state.phase == .reconnecting else { return false }
                    try hold(text, &state)
                    return true
                }
                if held { return }
            } catch {
                throw ConsoleError(.closed, "\(event) could not be sent to \(socket.address.shown): \(ConsoleSocket.describe(error))")
            }
        }
    }

    private func hold(_ text: String, _ state: inout State) throws(ConsoleError) {
        guard state.pending.count < Self.maximumPending else {
            throw ConsoleError(.closed, "the console of \(server) is reconnecting and already holds \(Self.maximumPending) messages")
        }
        state.pending.append(text)
    }

    /// Wings' `{"event": ..., "args": [...]}` (router/websocket/message.go).
    static func frame(_ event: String, _ args: [String]) throws -> String {
        var members: [(String, OrderedJSON)] = [("event", .string(event))]
        if !args.isEmpty { members.append(("args", .array(args.map { .string($0) }))) }
        return String(decoding: try OrderedJSON.object(members).encoded(), as: UTF8.self)
    }

    // MARK: Internals

    /// The kept token, or a fresh one from the panel when `fresh` or none is kept.
    private func token(fresh: Bool) async throws -> WebsocketToken {
        if !fresh, let kept = state.withLock({ $0.token }) { return kept }
        let token = try await fetchToken()
        state.withLock {
            $0.token = token
            $0.tokensFetched += 1
        }
        return token
    }

    /// A socket, opened and authenticated: with the kept token, and once
    /// more with a fresh one when Wings refuses it.
    private func openAuthenticated() async throws -> ConsoleSocket {
        let kept = state.withLock { $0.token != nil }
        var token = try await token(fresh: false)
        let address = try ConsoleAddress(token.socket)
        if !address.secure && !settings.allowInsecure && !ConnectionSettings.isLoopback(address.host) {
            throw ConsoleError(.invalid, "the console of \(server) is plain ws:// at \(address.shown): its token would cross the network unencrypted; allow it with --insecure (or insecure = true in the profile)")
        }
        let socket = try await ConsoleSocket.open(address, origin: settings.origin, settings: settings)
        state.withLock { $0.socketsOpened += 1 }
        do {
            do {
                try await authenticate(socket, token)
            } catch is TokenRefusal where kept {
                token = try await self.token(fresh: true)
                try await authenticate(socket, token)
            }
            return socket
        } catch let refusal as TokenRefusal {
            await socket.close()
            throw ConsoleError(.authentication, "Wings refused the console token of \(server): \(VisibleText.escaping(refusal.message))")
        } catch {
            await socket.close()
            throw error
        }
    }

    /// Wings answered `auth` with `jwt error`.
    private struct TokenRefusal: Error {
        let message: String
    }

    /// Sends `auth` and waits for `auth success` (a `jwt error` is a `TokenRefusal`).
    private func authenticate(_ socket: ConsoleSocket, _ token: WebsocketToken) async throws {
        try await socket.send(try Self.frame("auth", [token.token]))
        let deadline = ContinuousClock.now + settings.authenticationTimeout
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero, let inbound = await socket.inbound.next(timeout: left) else {
                if Task.isCancelled { throw CancellationError() }
                throw ConsoleError(.timeout, "Wings did not answer the console's auth within \(settings.authenticationTimeout) (\(socket.address.shown))")
            }
            switch inbound {
            case .text(let text):
                guard let event = ConsoleEvent.parse(text) else { continue }
                switch event {
                case .authSuccess:
                    state.withLock { $0.refreshedAfterJWTError = nil }
                    return
                case .jwtError(let message): throw TokenRefusal(message: message)
                default: mailbox.push(event)
                }
            case .closed(let code, let reason):
                throw Self.closing(code: code, reason: reason, at: socket.address)
            case .dropped(let reason):
                throw ConsoleError(.closed, "the console socket at \(socket.address.shown) closed before auth success: \(reason)")
            }
        }
    }

    /// How one socket's reading ended.
    private enum Ending {
        case finished(ConsoleError?)
        case dropped(String)
    }

    /// Reads sockets until the connection ends, opening them again as they drop.
    private func run(from first: ConsoleSocket) async {
        var socket = first
        while true {
            switch await read(socket) {
            case .finished(let error):
                finish(error)
                return
            case .dropped(let reason):
                guard let next = await reopen(after: reason) else { return }
                socket = next
            }
        }
    }

    private var isClosing: Bool { state.withLock { $0.phase == .closed } || Task.isCancelled }

    private func read(_ socket: ConsoleSocket) async -> Ending {
        while let inbound = await socket.inbound.next(timeout: nil) {
            if isClosing { return .finished(nil) }
            switch inbound {
            case .text(let text):
                guard let event = ConsoleEvent.parse(text) else { continue }
                mailbox.push(event)
                if let ending = await react(to: event, on: socket) { return ending }
            case .closed(let code, let reason):
                // No close frame (1006), a server error, a restart, "try again later": open it again.
                if code == nil || [1006, 1011, 1012, 1013].contains(code!) { return .dropped("closed with \(code.map(String.init) ?? "no code")") }
                return .finished(Self.closing(code: code, reason: reason, at: socket.address))
            case .dropped(let reason):
                return isClosing ? .finished(nil) : .dropped(reason)
            }
        }
        return isClosing ? .finished(nil) : .dropped("the socket ended")
    }

    /// The token's part: a fresh one before it expires, one after a `jwt error`.
    private func react(to event: ConsoleEvent, on socket: ConsoleSocket) async -> Ending? {
        switch event {
        case .authSuccess:
            state.withLock {
                $0.refreshedAfterJWTError = nil
                $0.refreshing = false
            }
        case .tokenExpiring:
            let start = state.withLock { state -> Bool in
                defer { state.refreshing = true }
                return !state.refreshing
            }
            // A failed fetch leaves the old token, still valid for up to a minute:
            // the next `token expiring` (30 s on) tries again, then `jwt error` does.
            if start, (try? await reauthenticate(on: socket)) == nil { state.withLock { $0.refreshing = false } }
        case .jwtError(let message):
            let grace = settings.reauthenticationGrace
            let refreshedAt = state.withLock { $0.refreshedAfterJWTError }
            if let refreshedAt {
                // Within the grace: an answer to an event Wings sent before it read the new token.
                guard ContinuousClock.now - refreshedAt >= grace else { return nil }
                return .finished(ConsoleError(.authentication, "Wings refused a fresh console token of \(server) too: \(VisibleText.escaping(message))"))
            }
            do {
                state.withLock { $0.refreshedAfterJWTError = ContinuousClock.now }
                try await reauthenticate(on: socket)
            } catch let error as ConsoleError {
                return .finished(error)
            } catch {
                return .finished(ConsoleError(.authentication, "a fresh console token of \(server) could not be fetched: \(error)"))
            }
        default:
            break
        }
        return nil
    }

    private func reauthenticate(on socket: ConsoleSocket) async throws {
        let token = try await token(fresh: true)
        try await socket.send(try Self.frame("auth", [token.token]))
    }

    /// Opens a socket again after a drop, with back-off; nil when it cannot (the connection has ended).
    private func reopen(after reason: String) async -> ConsoleSocket? {
        state.withLock { state in
            if state.phase == .open { state.phase = .reconnecting }
            state.socket = nil
        }
        var last = reason
        var delay = settings.reconnectDelay
        for _ in 0..<max(0, settings.reconnectAttempts) {
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, settings.maximumReconnectDelay)
            if isClosing { return nil }
            do {
                let socket = try await openAuthenticated()
                let pending = state.withLock { state -> [String]? in
                    guard state.phase == .reconnecting else { return nil }
                    state.phase = .open
                    state.socket = socket
                    defer { state.pending = [] }
                    return state.pending
                }
                guard let pending else {
                    await socket.close()
                    return nil
                }
                mailbox.push(.reconnected)
                for text in pending { try? await socket.send(text) }
                return socket
            } catch let error as ConsoleError where [.suspended, .authentication, .refused, .invalid].contains(error.status) {
                finish(error)
                return nil
            } catch {
                last = "\(error)"
            }
        }
        finish(ConsoleError(.closed, "the console socket of \(server) dropped and could not be opened again (\(settings.reconnectAttempts) attempts): \(last)"))
        return nil
    }

    /// Ends the connection: events end after those queued, sends fail with `error`.
    private func finish(_ error: ConsoleError?) {
        let socket = state.withLock { state -> ConsoleSocket? in
            if state.phase != .closed { state.failure = error }
            state.phase = .closed
            state.pending = []
            defer { state.socket = nil }
            return state.socket
        }
        socket?.abort()
        mailbox.finish()
    }

    /// The error for a close frame from the node.
    static func closing(code: UInt16?, reason: String, at address: ConsoleAddress) -> ConsoleError {
        let said = reason.isEmpty ? "" : ": \(VisibleText.escaping(reason))"
        if code == 4409 {
            // Pelican's Wings: router/router_server_ws.go closes a suspended server's sockets with 4409.
            return ConsoleError(.suspended, "the server is suspended; Wings closed its console (4409\(said))", closeCode: 4409)
        }
        return ConsoleError(.closed, "Wings closed the console socket at \(address.shown) (\(code.map(String.init) ?? "no code")\(said))", closeCode: code)
    }

    /// Test hook: the socket drops as a network failure would drop it.
    func dropSocket() {
        state.withLock { $0.socket }?.abort()
    }
}
