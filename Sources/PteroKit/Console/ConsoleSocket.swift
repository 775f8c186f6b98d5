import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket
import Synchronization

/// What arrives on a console socket, for `ConsoleConnection`.
enum ConsoleInbound: Sendable, Equatable {
    case text(String)
    /// The node sent a close frame.
    case closed(code: UInt16?, reason: String)
    /// The connection ended without a close frame (reset, EOF, a protocol error).
    case dropped(String)
}

/// One websocket to a node, on NIO's websocket codec: the upgrade request
/// carries exactly one `Origin` (Wings reads the first, router/websocket/
/// websocket.go GetHandler; swift-websocket's WSClient always sends its own
/// `ws://host` before any extra header, so it cannot be used), and the
/// connect and the upgrade each have a timeout.
final class ConsoleSocket: Sendable {
    let inbound: ConsoleMailbox<ConsoleInbound>
    private let channel: any Channel
    let address: ConsoleAddress

    private init(channel: any Channel, inbound: ConsoleMailbox<ConsoleInbound>, address: ConsoleAddress) {
        self.channel = channel
        self.inbound = inbound
        self.address = address
    }

    /// Connects, upgrades with `origin`, and returns the open socket.
    static func open(_ address: ConsoleAddress, origin: String, settings: ConsoleSettings) async throws(ConsoleError) -> ConsoleSocket {
        let inbound = ConsoleMailbox<ConsoleInbound>(capacity: settings.bufferedFrames)
        let status = UpgradeStatus()
        let sslContext: NIOSSLContext?
        do {
            sslContext = address.secure ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        } catch {
            throw ConsoleError(.invalid, "TLS for \(address.shown) cannot be set up: \(error)")
        }
        let maximumMessage = settings.maximumMessageSize
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(settings.connectTimeout))
        let channel: any Channel
        let upgraded: EventLoopFuture<Bool>
        do {
            (channel, upgraded) = try await bootstrap.connect(host: address.host, port: address.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        let name = address.host.contains(":") || address.host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : address.host
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: sslContext, serverHostname: name))
                    }
                    let upgrader = NIOTypedWebSocketClientUpgrader<Bool>(maxFrameSize: maximumMessage) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(ConsoleFrameHandler(inbound: inbound, maximumMessageSize: maximumMessage))
                            return true
                        }
                    }
                    var headers = HTTPHeaders()
                    headers.add(name: "Host", value: address.hostHeader)
                    headers.add(name: "Origin", value: origin)
                    headers.add(name: "User-Agent", value: HTTPTransport.userAgent)
                    let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: address.target, headers: headers)
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration<Bool>(
                        upgradeRequestHead: head, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { $0.eventLoop.makeSucceededFuture(false) })
                    let encoder = HTTPRequestEncoder()
                    let decoder = ByteToMessageHandler(HTTPResponseDecoder(leftOverBytesStrategy: .forwardBytes))
                    let peek = UpgradeStatusPeek(status: status)
                    try channel.pipeline.syncOperations.addHandler(encoder)
                    try channel.pipeline.syncOperations.addHandler(decoder)
                    try channel.pipeline.syncOperations.addHandler(peek)
                    let upgrade = NIOTypedHTTPClientUpgradeHandler(httpHandlers: [encoder, decoder, peek], upgradeConfiguration: configuration)
                    try channel.pipeline.syncOperations.addHandler(upgrade)
                    return (channel, upgrade.upgradeResultFuture)
                }
            }
        } catch {
            throw ConsoleError(.connect, "the node at \(address.shown) cannot be reached: \(Self.describe(error))")
        }
        let outcome = await Self.waitForUpgrade(upgraded, timeout: settings.handshakeTimeout)
        switch outcome {
        case .success(true):
            return ConsoleSocket(channel: channel, inbound: inbound, address: address)
        case .success(false):
            try? await channel.close()
            let code = status.code.withLock { $0 }.map { "HTTP \($0)" } ?? "no answer"
            throw ConsoleError(.refused, "the node at \(address.shown) refused the console socket (\(code)); Wings refuses an Origin other than the panel's URL (this sent \(VisibleText.escaping(origin)); set console_origin in the profile when the node expects another), a server it does not have, and too many sockets")
        case .failure(let error):
            try? await channel.close()
            if error.status == .timeout {
                throw ConsoleError(.timeout, "the node at \(address.shown) did not answer the websocket upgrade within \(settings.handshakeTimeout)")
            }
            throw error
        }
    }

    private static func waitForUpgrade(_ upgraded: EventLoopFuture<Bool>, timeout: Duration) async -> Result<Bool, ConsoleError> {
        await withTaskGroup(of: Result<Bool, ConsoleError>.self) { group in
            group.addTask {
                do { return .success(try await upgraded.get()) } catch {
                    return .failure(ConsoleError(.connect, "the websocket upgrade failed: \(describe(error))"))
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .failure(ConsoleError(.timeout, "timed out"))
            }
            defer { group.cancelAll() }
            return await group.next() ?? .failure(ConsoleError(.timeout, "timed out"))
        }
    }

    /// Sends one text frame (masked, as a client must).
    func send(_ text: String) async throws {
        let frame = WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: ByteBuffer(string: text))
        try await channel.writeAndFlush(frame).get()
    }

    /// Closes with a normal close frame, then the connection.
    func close() async {
        var data = ByteBuffer()
        data.write(webSocketErrorCode: .normalClosure)
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: data)
        try? await channel.writeAndFlush(frame).get()
        try? await channel.close()
    }

    /// Closes the connection without a close frame, as a network failure
    /// would (the tests' dropped socket).
    func abort() {
        channel.close(promise: nil)
    }

    /// An error of NIO's in a few words, never with the URL's query.
    static func describe(_ error: Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty && error.dnsAAAAError != nil || error.dnsAError != nil { return "the name is not found" }
            return "the connection failed (\(error.connectionErrors.map { "\($0.error)" }.joined(separator: ", ")))"
        case is ChannelError:
            if case .connectTimeout = error as? ChannelError { return "the connect timed out" }
            return "\(error)"
        case let error as IOError: return error.description
        default: return "\(error)"
        }
    }
}

/// The status of the answer to the upgrade request, shared with `UpgradeStatusPeek`.
private final class UpgradeStatus: Sendable {
    let code = Mutex<UInt?>(nil)
}

/// Notes the status of the answer to the upgrade request, to say it when
/// the node refuses (the upgrade handler keeps it to itself).
private final class UpgradeStatusPeek: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPClientResponsePart
    typealias InboundOut = HTTPClientResponsePart
    let status: UpgradeStatus

    init(status: UpgradeStatus) { self.status = status }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) { status.code.withLock { $0 = head.status.code } }
        context.fireChannelRead(data)
    }
}

/// Turns websocket frames into `ConsoleInbound`: text messages (fragments
/// joined up to `maximumMessageSize`), the node's close, a drop; answers
/// pings and the node's close frame.
private final class ConsoleFrameHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let inbound: ConsoleMailbox<ConsoleInbound>
    let maximumMessageSize: Int
    private var fragments: ByteBuffer?
    private var ended = false

    init(inbound: ConsoleMailbox<ConsoleInbound>, maximumMessageSize: Int) {
        self.inbound = inbound
        self.maximumMessageSize = maximumMessageSize
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            var payload = frame.unmaskedData
            if frame.fin { deliver(&payload) } else { fragments = payload }
        case .continuation:
            guard var partial = fragments else { return }
            var more = frame.unmaskedData
            partial.writeBuffer(&more)
            guard partial.readableBytes <= maximumMessageSize else {
                end(.dropped("a message longer than \(maximumMessageSize) bytes"), context: context)
                return
            }
            if frame.fin {
                fragments = nil
                deliver(&partial)
            } else {
                fragments = partial
            }
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var payload = frame.unmaskedData
            let code = payload.readInteger(as: UInt16.self)
            let reason = payload.readString(length: payload.readableBytes) ?? ""
            // Said first: answering may close the channel at once (the node has gone), and
            // `channelInactive` must not report a drop in place of the node's close.
            end(.closed(code: code, reason: reason), context: nil)
            var echo = ByteBuffer()
            if let code { echo.writeInteger(code) }
            let reply = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: echo)
            context.writeAndFlush(wrapOutboundOut(reply)).whenComplete { _ in context.close(promise: nil) }
        default:
            // Binary frames and pongs: Wings sends neither as a message.
            break
        }
    }

    private func deliver(_ payload: inout ByteBuffer) {
        guard !ended, let text = payload.readString(length: payload.readableBytes) else { return }
        inbound.push(.text(text))
    }

    private func end(_ last: ConsoleInbound, context: ChannelHandlerContext?) {
        guard !ended else { return }
        ended = true
        inbound.push(last)
        inbound.finish()
        context?.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        end(.dropped("the connection closed without a close frame"), context: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        end(.dropped(ConsoleSocket.describe(error)), context: context)
    }
}
