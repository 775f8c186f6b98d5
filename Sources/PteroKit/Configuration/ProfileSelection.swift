import Foundation

/// Picks the profile to use: `--profile`, else `PTERO_PROFILE`, else the
/// file's default, else the only one; `--url` or `PTERO_URL`, then
/// `PTERO_APP_KEY`, `PTERO_CLIENT_KEY` and `PTERO_PANEL` override its fields.
///
/// Keys saved for one panel never go to another: a URL given on the command
/// line or in `PTERO_URL` gets the keys given with it (environment), or the
/// keys of a profile saved for that same URL, or none, and then the choice
/// is refused with a message that says which key is missing.
public enum ProfileSelection {
    public static func select(named requested: String?, file: ConfigurationFile, environment: [String: String],
                              url commandLineURL: String? = nil) throws(ConfigurationError) -> Profile {
        let name = requested ?? environment["PTERO_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        var profile: Profile
        if let name {
            guard let found = file.profiles.first(where: { $0.name == name }) else {
                let known = file.profiles.map(\.name)
                throw ConfigurationError("no profile named \(name)" + (known.isEmpty ? "; run `ptero login --profile \(name)` to add it"
                                                                                     : " (profiles: \(known.joined(separator: ", ")))"))
            }
            profile = found
        } else if let fallback = file.defaultProfile.flatMap({ wanted in file.profiles.first { $0.name == wanted } })
                    ?? (file.profiles.count == 1 ? file.profiles.first : nil) {
            profile = fallback
        } else {
            profile = Profile(name: "environment")
        }
        let applicationKey = environment["PTERO_APP_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let clientKey = environment["PTERO_CLIENT_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let given = commandLineURL.map { ($0, "--url") }
            ?? environment["PTERO_URL"].flatMap { $0.isEmpty ? nil : ($0, "PTERO_URL") }
        if let (text, source) = given {
            guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)), url.scheme != nil else {
                throw ConfigurationError("\(source) is not a URL")
            }
            if !sameAddress(profile.url, url) {
                let savedFor = profile.url
                let savedName = profile.name
                // Another profile saved for this very panel lends its keys,
                // unless a profile was asked for by name.
                if name == nil, let matching = file.profiles.first(where: { sameAddress($0.url, url) }) {
                    profile = matching
                } else {
                    profile.applicationKey = nil
                    profile.clientKey = nil
                    // What the saved panel runs says nothing of this one.
                    profile.panel = nil
                }
                profile.url = url
                if profile.applicationKey == nil, profile.clientKey == nil, applicationKey == nil, clientKey == nil {
                    let whose = savedFor.map { " (profile \(savedName)'s keys are for \(HTTPTransport.shownAddress($0)) and are not sent elsewhere)" } ?? ""
                    throw ConfigurationError("no key for \(HTTPTransport.shownAddress(url)) given with \(source)\(whose): set PTERO_APP_KEY (ptla_...) or PTERO_CLIENT_KEY (ptlc_...), or save one with `ptero login --url URL`")
                }
            }
        }
        if let applicationKey { profile.applicationKey = applicationKey }
        if let clientKey { profile.clientKey = clientKey }
        if let name = environment["PTERO_PANEL"], !name.isEmpty {
            guard let dialect = PanelDialect.named(name) else {
                throw ConfigurationError("PTERO_PANEL is not a panel ptero knows: \(PanelDialect.namesList)")
            }
            profile.panel = dialect
        }
        return profile
    }

    /// Whether a key saved for `saved` may go to `url`: the same scheme,
    /// host, port and path (trailing slashes aside).
    static func sameAddress(_ saved: URL?, _ url: URL) -> Bool {
        guard let saved,
              let one = URLComponents(url: saved, resolvingAgainstBaseURL: true),
              let other = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return false }
        func port(_ components: URLComponents) -> Int? {
            components.port ?? (components.scheme?.lowercased() == "https" ? 443 : components.scheme?.lowercased() == "http" ? 80 : nil)
        }
        func path(_ components: URLComponents) -> String {
            var path = components.percentEncodedPath
            while path.hasSuffix("/") { path.removeLast() }
            return path
        }
        return one.scheme?.lowercased() == other.scheme?.lowercased() && one.host?.lowercased() == other.host?.lowercased()
            && port(one) == port(other) && path(one) == path(other)
            && one.user == other.user && one.password == other.password
    }
}
