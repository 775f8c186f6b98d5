import NIOCore
import NIOHTTP1

/// Turns a websocket upgrade that the console would refuse into a plain
/// request, so `PanelResponder` answers it with Wings' own status and body
/// (403 `Forbidden` for a foreign Origin, 404 for an unknown server, 400 for
/// too many sockets) instead of hummingbird-websocket's empty 400, which is
/// all a refused upgrade can get from it.
///
/// Wings decides before the upgrade: `router/websocket/websocket.go`
/// `GetHandler` gives gorilla's upgrader a `CheckOrigin`, and a false one is
/// a 403 written by gorilla (`http.Error(w, "Forbidden", 403)` with
/// `Sec-Websocket-Version: 13`). It sits after the request decoder and
/// leaves after the first head: the upgrade handler decides on that one only.
final class RefusedUpgradeAsRequest: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let console: ConsoleHub

    init(console: ConsoleHub) { self.console = console }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
        if head.headers.contains(name: "Upgrade"), ConsoleHub.serverUuid(inPath: path) != nil,
           console.refusal(path: path, origin: head.headers["Origin"].first) != nil {
            head.headers.remove(name: "Upgrade")
            // The decoder parses nothing after an upgrade head (llhttp stops there), so the
            // connection cannot carry another request: the answer closes it.
            head.headers.replaceOrAdd(name: "Connection", value: "close")
            context.fireChannelRead(wrapInboundOut(.head(head)))
        } else {
            context.fireChannelRead(data)
        }
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}
