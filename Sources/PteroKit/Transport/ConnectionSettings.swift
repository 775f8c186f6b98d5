import Foundation

/// Where the panel is and the keys to reach it with.
public struct ConnectionSettings: Sendable {
    /// The panel's root, possibly under a sub-path (`https://host/panel`).
    public var url: URL
    public var applicationKey: String?
    public var clientKey: String?
    /// Plain `http` to anything but this machine only when asked for.
    public var allowInsecure: Bool
    /// How long it may take to open a connection (and its TLS): a panel that
    /// is down should be reported promptly.
    public var connectTimeout: Duration
    /// The longest silence between two reads of an answer.
    public var readTimeout: Duration
    /// The longest one request may take, answer included, however slowly
    /// the panel trickles it: nothing waits forever.
    public var requestTimeout: Duration

    public init(url: URL, applicationKey: String? = nil, clientKey: String? = nil, allowInsecure: Bool = false,
                connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(30),
                requestTimeout: Duration = .seconds(300)) {
        self.url = url
        self.applicationKey = applicationKey
        self.clientKey = clientKey
        self.allowInsecure = allowInsecure
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.requestTimeout = requestTimeout
    }

    /// Refuses a URL a key must not be sent to: not http(s), with a user or
    /// password in it, with a query or fragment (they would be glued into
    /// every request), or plain http to another machine without the
    /// opt-in; and keys that cannot be a panel's (`KeyFormat`). No message
    /// shows a key or the URL's userinfo.
    public func validate() throws(ConfigurationError) {
        try Self.validate(url: url, allowInsecure: allowInsecure)
        // A root admin's client key also opens the application API, so any
        // prefix may stand as the application key; a key without a prefix
        // (a panel before 1.8) is taken for what its place says.
        for (name, key, accepted) in [("application key", applicationKey, Set(PanelAPI.allCases)),
                                      ("client key", clientKey, [PanelAPI.client])] {
            guard let key else { continue }
            try KeyFormat.check(key, role: "the \(name)", accepting: accepted)
        }
        for (name, duration) in [("connect timeout", connectTimeout), ("read timeout", readTimeout), ("request timeout", requestTimeout)]
        where duration <= .zero {
            throw ConfigurationError("the \(name) must be longer than zero")
        }
    }

    /// The URL checks of `validate`, for callers that have no keys yet
    /// (`ptero login` checks the URL before asking for them).
    public static func validate(url: URL, allowInsecure: Bool) throws(ConfigurationError) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            throw ConfigurationError("the panel URL is not a URL")
        }
        if components.user != nil || components.password != nil {
            throw ConfigurationError("the panel URL holds a user name or password; give the URL without them (keys go in the profile or PTERO_APP_KEY / PTERO_CLIENT_KEY)")
        }
        let shown = VisibleText.escaping(url.absoluteString)
        guard let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = components.host, !host.isEmpty else {
            throw ConfigurationError("the panel URL \(shown) is not an http(s) URL")
        }
        // A port past 65535 would reach NIO's SocketAddress, which traps on it.
        if let port = components.port, !(1...65535).contains(port) {
            throw ConfigurationError("the panel URL \(shown) has port \(port); a port is from 1 to 65535")
        }
        if components.percentEncodedQuery != nil || components.percentEncodedFragment != nil {
            throw ConfigurationError("the panel URL \(shown) has a query (?...) or fragment (#...); give only the panel's address and path")
        }
        if scheme == "http" && !allowInsecure && !isLoopback(host) {
            throw ConfigurationError("the panel URL \(shown) is plain http: keys would cross the network unencrypted; use https, or allow it with --insecure")
        }
    }

    /// The key for `api`: a root admin's client key also opens the application API.
    public func key(for api: PanelAPI) -> String? {
        switch api {
        case .application: applicationKey ?? clientKey
        case .client: clientKey
        }
    }

    /// The keys this connection holds, for scrubbing them from any text.
    public var secrets: [String] { [applicationKey, clientKey].compactMap { $0 } }

    /// This machine: `localhost`, an IPv4 literal in 127.0.0.0/8 or `::1`.
    /// Names are never judged by their look (`127.evil.example` is a name).
    static func isLoopback(_ host: String) -> Bool {
        var bare = host.lowercased()
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if bare == "localhost" { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, bare, &ipv4) == 1 {
            return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, bare, &ipv6) == 1 {
            return withUnsafeBytes(of: &ipv6) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
        }
        return false
    }
}

/// Settings that cannot work, said so the user knows what to change.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
