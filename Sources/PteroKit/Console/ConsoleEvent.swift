import Foundation

/// One message from a server's console websocket, typed.
///
/// The names are Wings' (wings router/websocket/message.go, server/events.go);
/// Pelican's Wings adds `throttled` (pelican wings router/websocket/message.go).
/// Structured payloads arrive as a JSON string in `args[0]` (listeners.go
/// marshals the event's data). A name ptero does not know is kept, with its
/// arguments, as `.other`.
public enum ConsoleEvent: Sendable, Equatable {
    case authSuccess
    /// The power state: `offline`, `starting`, `running`, `stopping`.
    case status(String)
    case stats(ConsoleStats)
    case consoleOutput(String)
    case installOutput(String)
    case installStarted
    case installCompleted
    case daemonMessage(String)
    /// A failure Wings reports (`Error Event [ref]: ...`).
    case daemonError(String)
    /// The token is missing, expired (`jwt: exp claim is invalid`) or not for this server.
    case jwtError(String)
    /// Sixty seconds or less are left on the token (listeners.go, checked every 30 s).
    case tokenExpiring
    /// Listed for completeness: Wings' SendJson checks the token first, so an
    /// expired token is reported as `jwtError` instead (websocket.go SendJson).
    case tokenExpired
    case backupCompleted(BackupCompletion)
    case backupRestoreCompleted
    case transferLogs(String)
    case transferStatus(String)
    /// The server was deleted; Wings closes the socket after it.
    case deleted
    /// Pelican refused an inbound event for its rate (the throttled event's name, or `global`).
    case throttled(String)
    /// ptero's own, not Wings': the socket dropped and was opened and authenticated again;
    /// lines printed in between were not seen.
    case reconnected
    case other(name: String, args: [String])

    /// The event a text frame carries; nil for a frame that is not Wings'
    /// `{"event": string, "args": [string]}`.
    public static func parse(_ text: String) -> ConsoleEvent? {
        guard let frame = try? JSONDecoder().decode(ConsoleFrame.self, from: Data(text.utf8)) else { return nil }
        return ConsoleEvent(name: frame.event, args: frame.args ?? [])
    }

    /// The typed event for a name and its arguments.
    public init(name: String, args: [String]) {
        let first = args.first ?? ""
        switch name {
        case "auth success": self = .authSuccess
        case "status": self = .status(first)
        case "stats":
            guard let stats = ConsoleStats(json: first) else { self = .other(name: name, args: args); return }
            self = .stats(stats)
        case "console output": self = .consoleOutput(first)
        case "install output": self = .installOutput(first)
        case "install started": self = .installStarted
        case "install completed": self = .installCompleted
        case "daemon message": self = .daemonMessage(first)
        case "daemon error": self = .daemonError(first)
        case "jwt error": self = .jwtError(first)
        case "token expiring": self = .tokenExpiring
        case "token expired": self = .tokenExpired
        case "backup restore completed": self = .backupRestoreCompleted
        case "transfer logs": self = .transferLogs(first)
        case "transfer status": self = .transferStatus(first)
        case "deleted": self = .deleted
        case "throttled": self = .throttled(first)
        default:
            // Wings v1.0 to v1.5 send the bus topic whole, `backup completed:<uuid>`;
            // v1.6 and later (and Pelican's) cut it at ":" (events/events.go Publish).
            if name == "backup completed" || name.hasPrefix("backup completed:"),
               let backup = BackupCompletion(json: first, uuidInName: name.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)) {
                self = .backupCompleted(backup)
            } else {
                self = .other(name: name, args: args)
            }
        }
    }

    /// Wings' name for the event (`.other` keeps its own).
    public var name: String {
        switch self {
        case .authSuccess: "auth success"
        case .status: "status"
        case .stats: "stats"
        case .consoleOutput: "console output"
        case .installOutput: "install output"
        case .installStarted: "install started"
        case .installCompleted: "install completed"
        case .daemonMessage: "daemon message"
        case .daemonError: "daemon error"
        case .jwtError: "jwt error"
        case .tokenExpiring: "token expiring"
        case .tokenExpired: "token expired"
        case .backupCompleted: "backup completed"
        case .backupRestoreCompleted: "backup restore completed"
        case .transferLogs: "transfer logs"
        case .transferStatus: "transfer status"
        case .deleted: "deleted"
        case .throttled: "throttled"
        case .reconnected: "reconnected"
        case .other(let name, _): name
        }
    }
}

/// Wings' websocket message (router/websocket/message.go `Message`).
struct ConsoleFrame: Codable {
    var event: String
    var args: [String]?
}
