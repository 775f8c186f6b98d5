import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Talks to a real panel over HTTP/1.1 with a keep-alive pool
/// (async-http-client).
public final class HTTPTransport: PanelTransport {
    public static let userAgent = "ptero/\(PteroKitVersion.current)"
    /// Bodies larger than this are refused rather than held in memory.
    static let maximumBodySize = 64 * 1024 * 1024

    public let settings: ConnectionSettings
    private let configuration: HTTPClient.Configuration
    /// Made on the first request: a script that never touches the panel
    /// starts no event-loop threads and has nothing to shut down.
    private let lazyClient = Mutex<HTTPClient?>(nil)

    public init(settings: ConnectionSettings, connectionsPerHost: Int = 16) throws(ConfigurationError) {
        try settings.validate()
        self.settings = settings
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(Int64(settings.timeout.components.seconds)))
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .enabled(limit: .ratio(50))
        self.configuration = configuration
    }

    private var client: HTTPClient {
        lazyClient.withLock { client in
            if let client { return client }
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            client = made
            return made
        }
    }

    public func send(_ request: PanelRequest) async throws -> PanelResponse {
        guard let key = settings.key(for: request.api) else {
            throw ConfigurationError("no \(request.api == .client ? "client" : "application") key is configured for \(request.summary)")
        }
        var outgoing = HTTPClientRequest(url: url(for: request))
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        outgoing.headers.add(name: "Authorization", value: "Bearer \(key)")
        outgoing.headers.add(name: "Accept", value: request.acceptsText ? "text/plain, application/json" : "application/json")
        outgoing.headers.add(name: "User-Agent", value: Self.userAgent)
        if let body = request.body {
            outgoing.headers.add(name: "Content-Type", value: body.contentType)
            outgoing.body = .bytes(ByteBuffer(bytes: body.data))
        }
        let timeout = TimeAmount.nanoseconds(Int64(settings.timeout.components.seconds) * 1_000_000_000)
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            let body = try await response.body.collect(upTo: Self.maximumBodySize)
            return PanelResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch let error as HTTPClientError {
            throw Self.transportError(error, request: request)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as TransportError {
            throw error
        } catch {
            // Connection refused and name lookup failures come from NIO
            // before a byte is sent.
            let text = String(describing: error)
            let neverSent = text.contains("connect") || text.contains("Connect") || text.contains("refused") || text.contains("resolution")
            throw TransportError(kind: neverSent ? .connect : .other, reachedPanel: !neverSent,
                                 message: "\(request.summary): \(neverSent ? "could not connect to \(settings.url.host ?? "the panel")" : "no answer") (\(text))")
        }
    }

    public func shutdown() async throws {
        guard let made = lazyClient.withLock({ client in defer { client = nil }; return client }) else { return }
        try await made.shutdown()
    }

    /// The panel URL (sub-path kept) joined with the request's path and query.
    public func url(for request: PanelRequest) -> String {
        var root = settings.url.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        var components = URLComponents()
        components.percentEncodedPath = request.path
        if !request.query.isEmpty {
            components.queryItems = request.query
            // `+` would reach the panel as a space.
            components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        }
        return root + (components.string ?? request.path)
    }

    static func transportError(_ error: HTTPClientError, request: PanelRequest) -> TransportError {
        switch error {
        case .connectTimeout, .socksHandshakeTimeout, .tlsHandshakeTimeout:
            return TransportError(kind: .connect, reachedPanel: false, message: "\(request.summary): could not connect in time")
        case .deadlineExceeded, .readTimeout, .writeTimeout:
            return TransportError(kind: .timeout, reachedPanel: true, message: "\(request.summary): the panel did not answer in time")
        case .remoteConnectionClosed, .cancelled:
            return TransportError(kind: .connectionLost, reachedPanel: true, message: "\(request.summary): the connection closed before an answer")
        default:
            return TransportError(kind: .other, reachedPanel: true, message: "\(request.summary): \(error)")
        }
    }
}

/// The version sent in `User-Agent`; kept in step with `ptero --version`.
public enum PteroKitVersion {
    public static let current = "0.1.0"
}
