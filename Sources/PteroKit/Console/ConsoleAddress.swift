import Foundation

/// Where a console socket is: Wings' `wss://node:8080/api/servers/{uuid}/ws`
/// from the panel's `GET /api/client/servers/{s}/websocket`.
struct ConsoleAddress: Sendable, Equatable {
    var secure: Bool
    var host: String
    var port: Int
    /// The request target: path and query.
    var target: String
    /// Scheme, host, port and path: what errors show (never a query or user info).
    var shown: String

    /// The `Host` header: the port only when it is not the scheme's own.
    var hostHeader: String { hostHeaderFor(host: host, port: port, secure: secure) }

    init(_ text: String) throws(ConsoleError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw ConsoleError(.invalid, "the panel's console socket address is not a URL")
        }
        switch scheme {
        case "wss", "https": secure = true
        case "ws", "http": secure = false
        default: throw ConsoleError(.invalid, "the panel's console socket address is not ws:// or wss:// (\(VisibleText.escaping(scheme)))")
        }
        let port = components.port ?? (secure ? 443 : 80)
        guard (1...65_535).contains(port) else { throw ConsoleError(.invalid, "the panel's console socket port \(port) is out of range") }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        target = path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        shown = VisibleText.escaping("\(secure ? "wss" : "ws")://\(hostHeaderFor(host: self.host, port: port, secure: secure))\(path)")
    }
}

private func hostHeaderFor(host: String, port: Int, secure: Bool) -> String {
    let bare = host.contains(":") ? "[\(host)]" : host
    return port == (secure ? 443 : 80) ? bare : "\(bare):\(port)"
}
