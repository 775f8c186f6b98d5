import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Talks to a real panel over HTTP/1.1 with a keep-alive pool
/// (async-http-client).
public final class HTTPTransport: PanelTransport {
    public static let userAgent = "ptero/\(PteroKitVersion.current)"
    /// Bodies larger than this (after decompression) are refused rather
    /// than held in memory.
    public static let maximumBodySize = 64 * 1024 * 1024

    public let settings: ConnectionSettings
    /// The keys this transport holds, taken out of every text it makes from
    /// an answer or an error.
    public let scrubber: SecretScrubber
    private let configuration: HTTPClient.Configuration
    /// Made on the first request: a script that never touches the panel
    /// starts no event-loop threads and has nothing to shut down.
    private let lazyClient = Mutex<HTTPClient?>(nil)

    public init(settings: ConnectionSettings, connectionsPerHost: Int = 16) throws(ConfigurationError) {
        try settings.validate()
        self.settings = settings
        scrubber = SecretScrubber(settings.secrets)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        // A refused or failed connect is reported to the executor at once,
        // which knows whether the request may be sent again; the pool's own
        // retries would wait out the connect timeout on every attempt.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = .init(connect: TimeAmount(settings.connectTimeout), read: TimeAmount(settings.readTimeout))
        // A key must never follow a redirect to another host or port: a 3xx
        // is returned as it is and reported by `send`.
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .enabled(limit: .size(Self.maximumBodySize))
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
        let response: PanelResponse
        let prepared = outgoing
        let requestTimeout = TimeAmount(settings.requestTimeout)
        do {
            response = try await withRequestDeadline { [client] in
                let answer = try await client.execute(prepared, deadline: .now() + requestTimeout)
                var headers: [String: String] = [:]
                for header in answer.headers { headers[header.name.lowercased()] = header.value }
                let body = try await answer.body.collect(upTo: Self.maximumBodySize)
                return PanelResponse(status: Int(answer.status.code), headers: headers, body: Data(body.readableBytesView))
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            let failure = TransportFailure.classify(error)
            let message = "\(request.summary): \(failure.explanation(host: Self.shownAddress(settings.url)))"
            throw TransportError(kind: failure.kind, reachedPanel: failure.reachedPanel,
                                 message: VisibleText.escaping(scrubber.scrub(message)))
        }
        if (300..<400).contains(response.status) {
            throw redirected(response, request: request)
        }
        guard !response.isSuccess, !scrubber.secrets.isEmpty else { return response }
        // A refusal is shown to the user; a panel or proxy may echo the key.
        var scrubbed = response
        scrubbed.body = Data(scrubber.scrub(Array(response.body)))
        return scrubbed
    }

    /// Races `work` against the request timeout: the client's own deadline
    /// ends at the answer's head, and a body trickled a byte at a time must
    /// end too.
    private func withRequestDeadline(_ work: @escaping @Sendable () async throws -> PanelResponse) async throws -> PanelResponse {
        let limit = settings.requestTimeout
        return try await withThrowingTaskGroup(of: PanelResponse?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw HTTPClientError.deadlineExceeded
            }
            return response
        }
    }

    /// A 3xx answer as an error that says where it pointed (scheme, host and
    /// port only: a query might hold anything).
    private func redirected(_ response: PanelResponse, request: PanelRequest) -> TransportError {
        let target = response.header("location").flatMap { URL(string: $0, relativeTo: settings.url) }
        let place = target.map { Self.shownAddress($0.absoluteURL) } ?? "an unnamed address"
        let message = "\(request.summary): the panel answered \(response.status) \(PanelError.reason(for: response.status)), pointing to \(place); "
            + "ptero does not follow redirects (the key would go along): if the panel moved, use its new address as the url"
        return TransportError(kind: .redirected, reachedPanel: true, message: VisibleText.escaping(scrubber.scrub(message)))
    }

    /// `https://host:port` of `url`, without user, path or query.
    static func shownAddress(_ url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true), let host = components.host else {
            return "the panel"
        }
        let scheme = components.scheme.map { $0 + "://" } ?? ""
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return scheme + shownHost + (components.port.map { ":\($0)" } ?? "")
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
}

/// The version sent in `User-Agent`; kept in step with `ptero --version`.
public enum PteroKitVersion {
    public static let current = "0.1.0"
}
