import Foundation

/// Learns which panel software answers at a URL from the panel's own
/// answers, with as few requests as possible, when the profile does not
/// name it. Laravel's router answers a route the panel has not got with
/// 404 before any middleware runs, so a route's absence shows whatever
/// the key.
///
/// 1. `GET /api/client/account` is a route of every 1.x release and of
///    Pelican (routes/api-client.php) and of none before: v0.7.19's
///    routes/api-client.php has only `/`, `servers/{server}` and its
///    `utilization`, `command` and `power`. So 0.7 answers 404; the
///    others 200 to a client key, 401 or 403 to anything else.
/// 2. `GET /api/application/eggs` is Pelican's (eggs are top-level there,
///    pelican-dev/panel routes/api-application.php); Pterodactyl 1.x has
///    eggs only under `/nests/{nest}` and answers 404.
public enum DialectDetection {
    /// The first request: with the client key when there is one (a 200),
    /// else the application key (a 403 on 1.x).
    public static func probe(hasClientKey: Bool) -> PanelRequest {
        PanelRequest(.get, "/api/client/account", api: hasClientKey ? .client : .application)
    }

    /// The second, asked of a panel that is not 0.7.
    public static func forkProbe(hasApplicationKey: Bool) -> PanelRequest {
        PanelRequest(.get, "/api/application/eggs", api: hasApplicationKey ? .application : .client)
    }

    /// Pterodactyl 0.7 or a later panel, from the answer to `probe`.
    public static func dialect(answering status: Int) throws(DetectionError) -> PanelDialect {
        switch status {
        case 404: return .pterodactyl07
        case 200, 401, 403: return .pterodactyl1
        default: throw DetectionError(request: probe(hasClientKey: false).summary, status: status)
        }
    }

    /// Pterodactyl 1.x or Pelican, from the answer to `forkProbe`.
    public static func fork(answering status: Int) throws(DetectionError) -> PanelDialect {
        switch status {
        case 404: return .pterodactyl1
        case 200, 401, 403: return .pelican
        default: throw DetectionError(request: forkProbe(hasApplicationKey: false).summary, status: status)
        }
    }

    /// Times a probe is sent when the panel answers a 5xx: the executor
    /// retries 502-504 itself but not a 500, which a passing fault (or a
    /// proxy) may also give.
    static let attempts = 3

    /// Sends the probes through `executor` (its limits and retries): one
    /// request for 0.7, two for the others.
    public static func detect(using executor: Executor, hasApplicationKey: Bool, hasClientKey: Bool) async throws -> PanelDialect {
        let first = try dialect(answering: try await status(of: probe(hasClientKey: hasClientKey), executor))
        guard first == .pterodactyl1 else { return first }
        return try fork(answering: try await status(of: forkProbe(hasApplicationKey: hasApplicationKey), executor))
    }

    private static func status(of request: PanelRequest, _ executor: Executor) async throws -> Int {
        var status = 0
        for _ in 0..<attempts {
            status = try await executor.perform(request).status
            guard (500..<600).contains(status) else { break }
        }
        return status
    }
}

/// The panel answered a probe with a status that tells no dialect.
public struct DetectionError: Error, Sendable, CustomStringConvertible {
    /// `GET /api/client/account`.
    public let request: String
    public let status: Int

    public var description: String {
        "cannot tell which panel this is: \(request) answered \(status); "
            + "name it in the profile (panel = \"pterodactyl-1\", \"pterodactyl-0.7\" or \"pelican\") or in PTERO_PANEL"
    }
}
