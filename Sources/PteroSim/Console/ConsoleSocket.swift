import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// The upgrade to `/api/servers/{uuid}/ws` on the sim's own listener (there is no separate
/// node) and the loop that carries one socket's frames between the client and the hub.
enum ConsoleSocket {
    /// Decides each upgrade request: a console path that the hub admits is upgraded. One it
    /// refuses never gets here: `RefusedUpgradeAsRequest` has made it a plain request, which
    /// `PanelResponder` answers with Wings' status and body (403 Forbidden, 404, 400 too many
    /// sockets); the check here stays for a socket that filled up in between.
    static func shouldUpgrade(_ hub: ConsoleHub) -> @Sendable (HTTPRequest, any Channel, Logger) async throws -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        { request, _, _ in
            let path = request.path.map { String($0.split(separator: "?", maxSplits: 1).first ?? "") } ?? ""
            guard request.method == .get, let uuid = ConsoleHub.serverUuid(inPath: path) else { return .dontUpgrade }
            // Wings reads the first Origin header only (Go's Header.Get); hummingbird's
            // WebSocketClient sends a second one, and HTTPFields' subscript would join them.
            let origin = request.headerFields[values: .origin].first
            guard hub.refusal(path: path, origin: origin) == nil else { return .dontUpgrade }
            return .upgrade([:]) { inbound, outbound, _ in
                try await serve(hub: hub, uuid: uuid, inbound: inbound, outbound: outbound)
            }
        }
    }

    private static func serve(hub: ConsoleHub, uuid: String, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let (frames, continuation) = AsyncStream.makeStream(of: ConsoleHub.Outbound.self, bufferingPolicy: .bufferingNewest(ConsoleHub.outboundBuffer))
        guard let id = hub.connect(serverUuid: uuid, outbound: continuation) else {
            try await outbound.close(.policyViolation, reason: "Too many open websocket connections.")
            return
        }
        defer { hub.disconnect(id) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in frames {
                    switch frame {
                    case .text(let text):
                        try await outbound.write(.text(text))
                    case .close(let code, let reason):
                        try await outbound.close(.init(codeNumber: Int(code)), reason: reason)
                        return
                    }
                }
            }
            var messages = inbound.messages(maxSize: hub.maximumFrameSize).makeAsyncIterator()
            while let message = try await messages.next() {
                // Pelican drops binary frames; Pterodactyl's json.Unmarshal fails on most. Both: ignored.
                if case .text(let text) = message { hub.receive(id, text: text) }
            }
            continuation.finish()
            group.cancelAll()
        }
    }
}
