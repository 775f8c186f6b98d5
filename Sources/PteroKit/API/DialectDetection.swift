import Foundation

/// Learns which panel software answers at a URL from the panel's own
/// answers, with one request, when the profile does not name it.
///
/// `GET /api/client/account` is a route of every 1.x release
/// (routes/api-client.php from v1.0.0 on) and of none before: v0.7.19's
/// routes/api-client.php has only `/`, `servers/{server}` and its
/// `utilization`, `command` and `power`, so 0.7 answers 404 (Laravel's
/// router answers an unknown route before any middleware runs). 1.x
/// answers 200 to a client key, and 401 or 403 to anything else, after
/// authentication; neither is a 404.
public enum DialectDetection {
    /// The one request: with the client key when there is one (a 200), else
    /// the application key (a 403 on 1.x).
    public static func probe(hasClientKey: Bool) -> PanelRequest {
        PanelRequest(.get, "/api/client/account", api: hasClientKey ? .client : .application)
    }

    /// The dialect an answer to `probe` shows.
    public static func dialect(answering status: Int) throws(DetectionError) -> PanelDialect {
        switch status {
        case 404: return .pterodactyl07
        case 200, 401, 403: return .pterodactyl1
        default: throw DetectionError(status: status)
        }
    }

    /// Times the probe is sent when the panel answers a 5xx: the executor
    /// retries 502-504 itself but not a 500, which a passing fault (or a
    /// proxy) may also give.
    static let attempts = 3

    /// Sends the probe through `executor` (its limits and retries) and reads the answer.
    public static func detect(using executor: Executor, hasClientKey: Bool) async throws -> PanelDialect {
        var status = 0
        for _ in 0..<attempts {
            status = try await executor.perform(probe(hasClientKey: hasClientKey)).status
            guard (500..<600).contains(status) else { break }
        }
        return try dialect(answering: status)
    }
}

/// The panel answered the probe with a status that tells no dialect.
public struct DetectionError: Error, Sendable, CustomStringConvertible {
    public let status: Int

    public var description: String {
        "cannot tell which panel this is: GET /api/client/account answered \(status) (0.7 answers 404, 1.x 200, 401 or 403); "
            + "name it in the profile (panel = \"pterodactyl-1\" or \"pterodactyl-0.7\") or in PTERO_PANEL"
    }
}
