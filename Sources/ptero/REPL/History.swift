import Foundation

/// Where the REPL's history lives, and what may never be written to it.
enum History {
    static let limit: Int32 = 1000
    /// Prefixes of panel API keys, and the argument that carries a
    /// password (`users.create(password: ...)`): a line holding one is not saved.
    static let secretMarkers = ["ptla_", "ptlc_", "papp_", "pacc_", "password:"]

    /// `$XDG_STATE_HOME/ptero/history`, default `~/.local/state/ptero/history`.
    static func path(environment: [String: String]) -> String? {
        let state: String
        if let configured = environment["XDG_STATE_HOME"], configured.hasPrefix("/") {
            state = configured
        } else if let home = environment["HOME"], !home.isEmpty {
            state = home + "/.local/state"
        } else {
            return nil
        }
        return state + "/ptero/history"
    }

    static func mayRemember(_ entry: String) -> Bool {
        !entry.trimmingCharacters(in: .whitespaces).isEmpty && !secretMarkers.contains { entry.contains($0) }
    }

    /// Creates the folder (owner only) so the history can be written.
    static func prepare(_ path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
    }
}
