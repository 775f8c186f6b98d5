import Foundation

/// Picks the profile to use: `--profile`, else `PTERO_PROFILE`, else the
/// file's default, else the only one; `PTERO_URL`, `PTERO_APP_KEY` and
/// `PTERO_CLIENT_KEY` then override its fields.
public enum ProfileSelection {
    public static func select(named requested: String?, file: ConfigurationFile,
                              environment: [String: String]) throws(ConfigurationError) -> Profile {
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
        if let text = environment["PTERO_URL"], !text.isEmpty {
            guard let url = URL(string: text), url.scheme != nil else {
                throw ConfigurationError("PTERO_URL is not a URL")
            }
            profile.url = url
        }
        if let key = environment["PTERO_APP_KEY"], !key.isEmpty { profile.applicationKey = key }
        if let key = environment["PTERO_CLIENT_KEY"], !key.isEmpty { profile.clientKey = key }
        return profile
    }
}
