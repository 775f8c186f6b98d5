import Foundation

/// Where the panel is and the keys to reach it with.
public struct ConnectionSettings: Sendable {
    /// The panel's root, possibly under a sub-path (`https://host/panel`).
    public var url: URL
    public var applicationKey: String?
    public var clientKey: String?
    /// Plain `http` to anything but this machine only when asked for.
    public var allowInsecure: Bool
    public var timeout: Duration

    public init(url: URL, applicationKey: String? = nil, clientKey: String? = nil,
                allowInsecure: Bool = false, timeout: Duration = .seconds(30)) {
        self.url = url
        self.applicationKey = applicationKey
        self.clientKey = clientKey
        self.allowInsecure = allowInsecure
        self.timeout = timeout
    }

    /// Refuses a URL a key must not be sent to: not http(s), or plain http
    /// to another machine without the opt-in.
    public func validate() throws(ConfigurationError) {
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, !host.isEmpty else {
            throw ConfigurationError("the panel URL \(url.absoluteString) is not an http(s) URL")
        }
        if scheme == "http" && !allowInsecure && !Self.isLoopback(host) {
            throw ConfigurationError("the panel URL \(url.absoluteString) is plain http: keys would cross the network unencrypted; use https, or allow it with --insecure")
        }
        for (name, key, prefixes) in [("application key", applicationKey, ["ptla_", "ptlc_", "papp_", "pacc_"]),
                                      ("client key", clientKey, ["ptlc_", "pacc_"])] {
            guard let key else { continue }
            if key.isEmpty || key.contains(where: { $0.isWhitespace || $0.isNewline }) {
                throw ConfigurationError("the \(name) is empty or holds spaces")
            }
            if !prefixes.contains(where: key.hasPrefix) {
                throw ConfigurationError("the \(name) should start with \(prefixes.joined(separator: " or "))")
            }
        }
    }

    /// The key for `api`: a root admin's client key also opens the application API.
    public func key(for api: PanelAPI) -> String? {
        switch api {
        case .application: applicationKey ?? clientKey
        case .client: clientKey
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}

/// Settings that cannot work, said so the user knows what to change.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
