import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// Closes a connection that goes silent before its first request head is
/// complete, as the plain HTTP/1 server does (SimSafetyTests: a request
/// stopped half-way is closed after the idle timeout).
///
/// hummingbird-websocket's upgrade channel adds its idle handler only once
/// it has decided against an upgrade, that is after a whole request head
/// (HTTP1WebSocketUpgradeChannel's `notUpgradingCompletionHandler`), so a
/// half-sent first head would hold the connection open for ever. This
/// handler sits in front and removes itself at the first `\r\n\r\n`; from
/// then on Hummingbird's own handler (or the websocket) is in charge.
final class FirstRequestIdleGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var closing: Scheduled<Void>?
    /// The last bytes read, so a terminator split across reads is found.
    private var tail: [UInt8] = []
    private static let terminator: [UInt8] = Array("\r\n\r\n".utf8)

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) { schedule(context) }

    func handlerRemoved(context: ChannelHandlerContext) { closing?.cancel() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        tail.append(contentsOf: buffer.readableBytesView)
        let complete = tail.count >= 4 && (0...(tail.count - 4)).contains { start in tail[start..<(start + 4)].elementsEqual(Self.terminator) }
        tail = Array(tail.suffix(3))
        context.fireChannelRead(data)
        if complete {
            closing?.cancel()
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        } else {
            schedule(context)
        }
    }

    private func schedule(_ context: ChannelHandlerContext) {
        closing?.cancel()
        let channel = context.channel
        closing = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }
}

/// The websocket upgrade channel with `FirstRequestIdleGuard` in front and
/// `RefusedUpgradeAsRequest` after its request decoder.
struct IdleGuardedUpgradeChannel: ServerChildChannel {
    let base: HTTP1WebSocketUpgradeChannel
    let timeout: TimeAmount
    let console: ConsoleHub

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1WebSocketUpgradeChannel.Value> {
        let timeout = timeout, console = console
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(FirstRequestIdleGuard(timeout: timeout))
        }.flatMap { base.setup(channel: channel, logger: logger) }.flatMapThrowing { value in
            // The base configured its pipeline synchronously: the decoder is there now.
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(RefusedUpgradeAsRequest(console: console), position: .after(decoder))
            return value
        }
    }

    func handle(value: HTTP1WebSocketUpgradeChannel.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
