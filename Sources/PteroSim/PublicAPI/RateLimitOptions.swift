import Foundation

/// The panel's per-user API throttles: fixed windows opening at a user's first request.
public struct RateLimitOptions: Sendable, Equatable {
    /// Requests per window on `/api/application` (panel default 240).
    public var application: Int
    /// Requests per window on `/api/client` (panel default 720).
    public var client: Int
    /// Window length in seconds (panel: 60); tests use 1–2 s.
    public var windowSeconds: Double
    /// When false nothing is throttled and no rate-limit headers are sent.
    public var enabled: Bool

    public init(application: Int = 240, client: Int = 720, windowSeconds: Double = 60, enabled: Bool = true) {
        self.application = application
        self.client = client
        self.windowSeconds = windowSeconds
        self.enabled = enabled
    }

    public static let panelDefaults = RateLimitOptions()
    public static let off = RateLimitOptions(enabled: false)

    /// Error thrown for a limits string that does not parse.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Parses `app=N,client=M[,window=SECONDS]` (any subset, others keep defaults) or `off`.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if ["off", "none", "disabled"].contains(trimmed) { self = .off; return }
        self.init()
        guard !trimmed.isEmpty else {
            throw ParseError(description: "empty rate limits; expected \"app=N,client=M[,window=SECONDS]\" or \"off\"")
        }
        for part in trimmed.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2 else {
                throw ParseError(description: "bad rate limit item \"\(part)\"; expected key=value (app, client, window) or \"off\"")
            }
            switch pieces[0] {
            case "app", "application":
                guard let value = Int(pieces[1]), value > 0 else { throw Self.badNumber(pieces[0], pieces[1]) }
                application = value
            case "client":
                guard let value = Int(pieces[1]), value > 0 else { throw Self.badNumber(pieces[0], pieces[1]) }
                client = value
            case "window":
                guard let value = Double(pieces[1]), value > 0 else {
                    throw ParseError(description: "window must be a positive number of seconds, got \"\(pieces[1])\"")
                }
                windowSeconds = value
            default:
                throw ParseError(description: "unknown rate limit key \"\(pieces[0])\"; expected app, client or window")
            }
        }
    }

    private static func badNumber(_ key: String, _ value: String) -> ParseError {
        ParseError(description: "\(key) must be a positive whole number of requests, got \"\(value)\"")
    }
}
