import Foundation

/// One panel to connect to, as a named entry of the configuration file.
public struct Profile: Sendable, Equatable {
    public var name: String
    public var url: URL?
    public var applicationKey: String?
    public var clientKey: String?
    public var applicationLimit: Int?
    public var clientLimit: Int?
    public var concurrency: Int?
    /// Writes are refused before they are sent: for looking at production.
    public var readOnly = false
    /// Plain http to another machine is allowed.
    public var insecure = false
    /// Seconds a connection may take to open (`connect_timeout`).
    public var connectTimeout: Int?
    /// Seconds the panel may go silent in the middle of an answer (`read_timeout`).
    public var readTimeout: Int?
    /// Seconds one request may take in all (`request_timeout`).
    public var requestTimeout: Int?
    /// The longest `Retry-After`, in seconds, that is waited out (`max_retry_after`).
    public var maximumRetryAfter: Int?
    /// The panel software at `url` (`panel`): saved by `ptero login`, which
    /// asks the panel; nil means ask it at connection time.
    public var panel: PanelDialect?
    /// The `Origin` the console websocket shows Wings (`console_origin`):
    /// nil sends the panel's URL, which Wings accepts unless its
    /// `allowed_origins` is set up for another (router/websocket/websocket.go).
    public var consoleOrigin: String?
    /// Timeouts and waits are whole seconds in this range: zero would fail
    /// every request, and a day is longer than any request should take.
    public static let secondsRange = 1...86_400

    public init(name: String, url: URL? = nil, applicationKey: String? = nil, clientKey: String? = nil) {
        self.name = name
        self.url = url
        self.applicationKey = applicationKey
        self.clientKey = clientKey
    }

    /// The connection this profile describes, or why it cannot be made.
    public func connectionSettings() throws(ConfigurationError) -> ConnectionSettings {
        guard let url else {
            throw ConfigurationError("profile \(name) has no url; set it in the configuration file or PTERO_URL")
        }
        guard applicationKey != nil || clientKey != nil else {
            throw ConfigurationError("profile \(name) has no key; run `ptero login` or set PTERO_APP_KEY / PTERO_CLIENT_KEY")
        }
        var settings = ConnectionSettings(url: url, applicationKey: applicationKey, clientKey: clientKey, allowInsecure: insecure)
        if let connectTimeout { settings.connectTimeout = .seconds(connectTimeout) }
        if let readTimeout { settings.readTimeout = .seconds(readTimeout) }
        if let requestTimeout { settings.requestTimeout = .seconds(requestTimeout) }
        try settings.validate()
        return settings
    }

    /// Executor settings with this profile's limits applied.
    public func executorSettings() -> ExecutorSettings {
        var settings = ExecutorSettings()
        if let applicationLimit { settings.limits[.application] = applicationLimit }
        if let clientLimit { settings.limits[.client] = clientLimit }
        if let concurrency { settings.concurrency = concurrency }
        if let maximumRetryAfter { settings.maximumThrottleWait = .seconds(maximumRetryAfter) }
        return settings
    }
}
