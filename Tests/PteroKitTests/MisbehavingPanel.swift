import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A TCP server on 127.0.0.1 that plays a broken panel (or proxy), for the
/// transport's failure tests: it counts the requests it received and then
/// misbehaves as told. Every behaviour ends by itself (bounded sizes).
final class MisbehavingPanel: Sendable {
    enum Behaviour: Sendable {
        /// Reads the request and never answers.
        case silent
        /// Sends `head`, then `body` one byte each `interval`.
        case trickle(head: String, body: String, interval: TimeAmount)
        /// Reads the whole request, then resets the connection (RST).
        case resetAfterRequest
        /// Answers with these bytes as they are and closes.
        case answer(String)
        /// Answers a 200 whose body is `megabytes` MiB of `a`, streamed.
        case huge(megabytes: Int)
        /// Answers a 500 whose body quotes the request's `Authorization`
        /// header and `extra` (an echoing proxy).
        case echoAuthorization(extra: String)
    }

    /// The request heads received, shared with each connection's handler.
    final class RequestLog: Sendable {
        let heads = Mutex<[String]>([])
    }

    private let channel: Channel
    private let received: RequestLog
    let port: Int

    /// Request heads received so far (request line and headers).
    var requests: [String] { received.heads.withLock { $0 } }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    static func start(_ behaviour: Behaviour) async throws -> MisbehavingPanel {
        let received = RequestLog()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(behaviour: behaviour, received: received))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return MisbehavingPanel(channel: channel, received: received, port: channel.localAddress?.port ?? 0)
    }

    /// A port on 127.0.0.1 where nothing listens: bound, then closed.
    static func refusingPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    private init(channel: Channel, received: RequestLog, port: Int) {
        self.channel = channel
        self.received = received
        self.port = port
    }

    func stop() async {
        try? await channel.close()
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let behaviour: Behaviour
        let received: RequestLog
        var buffer = ""
        var answered = false

        init(behaviour: Behaviour, received: RequestLog) {
            self.behaviour = behaviour
            self.received = received
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            buffer += bytes.readString(length: bytes.readableBytes) ?? ""
            guard !answered, let end = buffer.range(of: "\r\n\r\n") else { return }
            let head = String(buffer[..<end.lowerBound])
            // The body, if any, must be in too before the request counts.
            let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            guard buffer[end.upperBound...].utf8.count >= length else { return }
            answered = true
            received.heads.withLock { $0.append(head) }
            respond(context: context, head: head)
        }

        func respond(context: ChannelHandlerContext, head: String) {
            let channel = context.channel
            switch behaviour {
            case .silent:
                break
            case .trickle(let headText, let body, let interval):
                write(headText, to: channel)
                for (index, character) in body.enumerated() {
                    channel.eventLoop.scheduleTask(in: interval * Int64(index + 1)) { self.write(String(character), to: channel) }
                }
            case .resetAfterRequest:
                // Linger 0: close sends RST, as a crashing proxy does.
                let provider = channel as? SocketOptionProvider
                _ = provider?.setSoLinger(linger(l_onoff: 1, l_linger: 0)).flatMap { channel.close() }
            case .answer(let text):
                write(text, to: channel)
                channel.close(promise: nil)
            case .huge(let megabytes):
                write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", to: channel)
                var chunk = ByteBuffer(string: String(1024 * 1024, radix: 16) + "\r\n")
                chunk.writeRepeatingByte(UInt8(ascii: "a"), count: 1024 * 1024)
                chunk.writeString("\r\n")
                Self.stream(chunk, times: megabytes, to: channel)
            case .echoAuthorization(let extra):
                let authorization = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("authorization:") } ?? ""
                let body = "<html><title>proxy error: \(authorization) \(extra)</title></html>"
                write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body, to: channel)
            }
        }

        /// Writes `chunk` `times` times, each once the last is flushed, so
        /// the event loop stays free; ends early when the client hangs up.
        static func stream(_ chunk: ByteBuffer, times: Int, to channel: Channel) {
            guard times > 0 else {
                channel.writeAndFlush(ByteBuffer(string: "0\r\n\r\n"), promise: nil)
                return
            }
            channel.writeAndFlush(chunk).whenSuccess { stream(chunk, times: times - 1, to: channel) }
        }

        func write(_ text: String, to channel: Channel) {
            channel.writeAndFlush(ByteBuffer(string: text), promise: nil)
        }

        func errorCaught(context: ChannelHandlerContext, error: Error) {
            context.close(promise: nil)
        }
    }
}
