import Foundation
import PteroKit
import Synchronization

/// Where the REPL's history lives, and what may never be written to it.
enum History {
    static let limit: Int32 = 1000
    /// Prefixes of panel API keys (every one a panel issues, `KeyFormat`),
    /// and the argument that carries a password (`users.create(password:
    /// ...)`): a line holding one is not saved.
    static let secretMarkers = KeyFormat.prefixes.map(\.text) + ["password:"]

    /// The keys this session connects with, kept out of the history word
    /// for word. A key without a prefix (a panel before 1.8) is 48 letters
    /// and digits, a shape a long name or a hash can have too: refusing
    /// every such word would drop lines that hold no key, so only the keys
    /// ptero knows are recognised (and every prefix, above).
    static let sessionKeys = Mutex<[String]>([])

    /// Keeps `keys` (the connection's) out of the history from now on.
    static func keepOut(_ keys: [String]) {
        sessionKeys.withLock { known in known += keys.filter { !$0.isEmpty && !known.contains($0) } }
    }

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
            && !sessionKeys.withLock { keys in keys.contains { entry.contains($0) } }
    }

    /// Creates the folder (owner only) so the history can be written.
    static func prepare(_ path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
    }
}
