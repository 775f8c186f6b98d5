import Foundation

/// The profiles in `$XDG_CONFIG_HOME/ptero/config.toml`.
///
/// ```toml
/// default = "production"
///
/// [profiles.production]
/// url = "https://panel.example.com"
/// application_key = "ptla_..."
/// client_key = "ptlc_..."
/// application_limit = 240   # optional: requests per minute
/// client_limit = 720
/// concurrency = 8
/// read_only = true
/// connect_timeout = 10     # optional, seconds
/// read_timeout = 30
/// request_timeout = 300
/// max_retry_after = 300    # a longer 429 wait is an error
/// panel = "pterodactyl-1"  # or "pterodactyl-0.7"; `ptero login` finds and saves it
/// console_origin = "https://panel.example.com"  # the Origin the console websocket sends (default: url)
/// ```
public struct ConfigurationFile: Sendable, Equatable {
    public var defaultProfile: String?
    public var profiles: [Profile]

    public init(defaultProfile: String? = nil, profiles: [Profile] = []) {
        self.defaultProfile = defaultProfile
        self.profiles = profiles
    }

    /// `$XDG_CONFIG_HOME/ptero/config.toml`, else `~/.config/ptero/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let folder = environment["XDG_CONFIG_HOME"], !folder.isEmpty {
            return folder + "/ptero/config.toml"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/ptero/config.toml"
    }

    /// Reads the file, or an empty configuration when there is none. A file
    /// others may read is refused: it holds keys.
    public static func load(path: String) throws(ConfigurationError) -> ConfigurationFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return ConfigurationFile() }
        if isFolder.boolValue {
            throw ConfigurationError("\(path) is a folder (or a link to one), not a configuration file")
        }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & 0o077 != 0 {
            let mode = String(status.st_mode & 0o777, radix: 8)
            throw ConfigurationError("\(path) can be read by other users (mode \(mode)) and it holds API keys; run `chmod 600 \(path)` and try again")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("\(path) cannot be read")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    static func parse(_ text: String, path: String) throws(ConfigurationError) -> ConfigurationFile {
        let document: TOMLSubset.Document
        do {
            document = try TOMLSubset.parse(text)
        } catch {
            throw ConfigurationError("\(path):\(error.line): \(error.message)")
        }
        var file = ConfigurationFile()
        for (key, value) in document.tables[[]] ?? [:] {
            guard key == "default", case .string(let name) = value else {
                throw ConfigurationError("\(path): unknown top-level setting \(TOMLSubset.shown(key)); profiles go under [profiles.NAME]")
            }
            file.defaultProfile = name
        }
        for table in document.order {
            let settings = document.tables[table] ?? [:]
            if table == ["profiles"] {
                if let key = settings.keys.first {
                    throw ConfigurationError("\(path): [profiles] \(TOMLSubset.shown(key)) is not a profile; profiles are [profiles.NAME]")
                }
                continue
            }
            guard table.count == 2, table[0] == "profiles" else {
                throw ConfigurationError("\(path): unknown table [\(TOMLSubset.shownPath(table))]; profiles are [profiles.NAME]")
            }
            file.profiles.append(try profile(named: table[1], settings: settings, path: path))
        }
        return file
    }

    static func profile(named name: String, settings: [String: TOMLSubset.Value], path: String) throws(ConfigurationError) -> Profile {
        var profile = Profile(name: name)
        for (key, value) in settings {
            let place = "\(path): [\(TOMLSubset.shownPath(["profiles", name]))] \(TOMLSubset.shown(key))"
            switch (key, value) {
            case ("url", .string(let text)):
                guard let url = URL(string: text), url.scheme != nil else { throw ConfigurationError("\(place): not a URL") }
                profile.url = url
            case ("application_key", .string(let key)): profile.applicationKey = key
            case ("client_key", .string(let key)): profile.clientKey = key
            case ("application_limit", .integer(let limit)) where limit > 0: profile.applicationLimit = limit
            case ("client_limit", .integer(let limit)) where limit > 0: profile.clientLimit = limit
            case ("concurrency", .integer(let count)) where count > 0: profile.concurrency = count
            case ("read_only", .boolean(let flag)): profile.readOnly = flag
            case ("insecure", .boolean(let flag)): profile.insecure = flag
            case ("connect_timeout", .integer(let seconds)) where Profile.secondsRange.contains(seconds): profile.connectTimeout = seconds
            case ("read_timeout", .integer(let seconds)) where Profile.secondsRange.contains(seconds): profile.readTimeout = seconds
            case ("request_timeout", .integer(let seconds)) where Profile.secondsRange.contains(seconds): profile.requestTimeout = seconds
            case ("max_retry_after", .integer(let seconds)) where Profile.secondsRange.contains(seconds): profile.maximumRetryAfter = seconds
            case ("panel", .string(let name)):
                guard let dialect = PanelDialect.named(name) else {
                    throw ConfigurationError("\(place) is not a panel ptero knows: \(PanelDialect.namesList)")
                }
                profile.panel = dialect
            case ("console_origin", .string(let origin)):
                guard let parsed = URL(string: origin), let scheme = parsed.scheme, ["http", "https"].contains(scheme.lowercased()), parsed.host != nil else {
                    throw ConfigurationError("\(place) is not an http(s) origin such as \"https://panel.example.com\"")
                }
                profile.consoleOrigin = origin
            case ("connect_timeout", .integer), ("read_timeout", .integer), ("request_timeout", .integer), ("max_retry_after", .integer):
                throw ConfigurationError("\(place) is seconds from \(Profile.secondsRange.lowerBound) to \(Profile.secondsRange.upperBound)")
            case ("url", _), ("application_key", _), ("client_key", _), ("read_only", _), ("insecure", _),
                 ("application_limit", _), ("client_limit", _), ("concurrency", _),
                 ("connect_timeout", _), ("read_timeout", _), ("request_timeout", _), ("max_retry_after", _), ("panel", _), ("console_origin", _):
                throw ConfigurationError("\(place) has the wrong kind of value")
            default:
                throw ConfigurationError("\(place) is not a setting (url, application_key, client_key, application_limit, client_limit, concurrency, read_only, insecure, connect_timeout, read_timeout, request_timeout, max_retry_after, panel, console_origin)")
            }
        }
        return profile
    }

    /// The file's text; keys and all, so it is only ever written with mode 600.
    public var text: String {
        var lines = ["# ptero profiles: see `ptero login --help`. This file holds keys; keep it mode 600."]
        if let defaultProfile { lines.append("default = \(TOMLSubset.quote(defaultProfile))") }
        for profile in profiles {
            lines.append("")
            lines.append("[profiles.\(TOMLSubset.key(profile.name))]")
            if let url = profile.url { lines.append("url = \(TOMLSubset.quote(url.absoluteString))") }
            if let key = profile.applicationKey { lines.append("application_key = \(TOMLSubset.quote(key))") }
            if let key = profile.clientKey { lines.append("client_key = \(TOMLSubset.quote(key))") }
            if let limit = profile.applicationLimit { lines.append("application_limit = \(limit)") }
            if let limit = profile.clientLimit { lines.append("client_limit = \(limit)") }
            if let count = profile.concurrency { lines.append("concurrency = \(count)") }
            if let seconds = profile.connectTimeout { lines.append("connect_timeout = \(seconds)") }
            if let seconds = profile.readTimeout { lines.append("read_timeout = \(seconds)") }
            if let seconds = profile.requestTimeout { lines.append("request_timeout = \(seconds)") }
            if let seconds = profile.maximumRetryAfter { lines.append("max_retry_after = \(seconds)") }
            if let panel = profile.panel { lines.append("panel = \(TOMLSubset.quote(panel.rawValue))") }
            if let origin = profile.consoleOrigin { lines.append("console_origin = \(TOMLSubset.quote(origin))") }
            if profile.readOnly { lines.append("read_only = true") }
            if profile.insecure { lines.append("insecure = true") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file with mode 600 (its folder 700), replacing it whole.
    public func save(path: String) throws(ConfigurationError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ConfigurationError("cannot create \(folder): \(error.localizedDescription)")
        }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ConfigurationError("cannot write \(path)")
        }
    }

    /// Adds `profile`, replacing one of the same name.
    public mutating func store(_ profile: Profile) {
        if let index = profiles.firstIndex(where: { $0.name == profile.name }) {
            profiles[index] = profile
        } else {
            profiles.append(profile)
        }
        if defaultProfile == nil && profiles.count == 1 { defaultProfile = profile.name }
    }
}
