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
        let settings = ConnectionSettings(url: url, applicationKey: applicationKey, clientKey: clientKey, allowInsecure: insecure)
        try settings.validate()
        return settings
    }

    /// Executor settings with this profile's limits applied.
    public func executorSettings() -> ExecutorSettings {
        var settings = ExecutorSettings()
        if let applicationLimit { settings.limits[.application] = applicationLimit }
        if let clientLimit { settings.limits[.client] = clientLimit }
        if let concurrency { settings.concurrency = concurrency }
        return settings
    }
}
