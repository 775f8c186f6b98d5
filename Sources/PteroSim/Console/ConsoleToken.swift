import Foundation

/// A websocket JWT the panel signed with the node's token, as Wings reads it
/// (wings v1.11.11 router/tokens/websocket.go, router/tokens/parser.go).
struct ConsoleToken: Sendable {
    var serverUuid: String
    var userUuid: String
    var permissions: [String]
    var expiresAt: Double?
    var issuedAt: Double?
    var scope: String?

    /// A token that does not verify, with Wings' message for it.
    struct Failure: Error, Sendable {
        let message: String
        /// Wings' `IsJwtError`: these go back as `jwt error` with their text; any other
        /// failure is a `daemon error` with a generic text.
        let isJWTError: Bool
    }

    /// Tokens longer than this are refused unread (the panel's are about 700 bytes).
    static let maximumLength = 8192

    /// Verifies signature (HS256 with `key`), expiry and `iat`, then the connect
    /// permission (and, for Pelican, the `websocket` scope), in Wings' order.
    static func verify(_ token: String, key: String, now: Double, requireScope: Bool) throws(Failure) -> ConsoleToken {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= maximumLength, parts.count == 3,
              let headerBytes = decode(parts[0]), let payloadBytes = decode(parts[1]), let signature = decode(parts[2]),
              let header = try? JSONParser.parse(headerBytes), let claims = try? JSONParser.parse(payloadBytes),
              claims.objectValue != nil
        else { throw Failure(message: "jwt: malformed token", isJWTError: false) }
        guard header["alg"]?.stringValue == "HS256" else { throw Failure(message: "jwt: algorithm mismatch", isJWTError: false) }
        let expected = SHA256.hmac(key: Array(key.utf8), message: Array("\(parts[0]).\(parts[1])".utf8))
        guard expected.count == signature.count, zip(expected, signature).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw Failure(message: "jwt: HMAC verification failed", isJWTError: false)
        }
        let parsed = ConsoleToken(
            serverUuid: claims["server_uuid"]?.stringValue ?? "",
            userUuid: claims["user_uuid"]?.stringValue ?? "",
            permissions: (claims["permissions"]?.arrayValue ?? []).compactMap(\.stringValue),
            expiresAt: claims["exp"].flatMap(number), issuedAt: claims["iat"].flatMap(number),
            scope: claims["scope"]?.stringValue)
        if let expiresAt = parsed.expiresAt, now > expiresAt { throw Failure.expired }
        // A token without `iat` counts as denylisted (tokens.WebsocketPayload.Denylisted).
        if parsed.issuedAt == nil { throw Failure.denylisted }
        if !parsed.has("websocket.connect") || (requireScope && parsed.scope != "websocket") { throw Failure.noConnect }
        return parsed
    }

    /// Whether the token still holds for `serverUuid` at `now` (Handler.TokenValid).
    func check(serverUuid: String, now: Double, requireScope: Bool) -> Failure? {
        if let expiresAt, now > expiresAt { return .expired }
        if issuedAt == nil { return .denylisted }
        if !has("websocket.connect") || (requireScope && scope != "websocket") { return .noConnect }
        if self.serverUuid != serverUuid { return Failure(message: "jwt: server uuid mismatch", isJWTError: true) }
        return nil
    }

    /// `*` grants every permission except the `admin.*` ones (WebsocketPayload.HasPermission).
    func has(_ permission: String) -> Bool {
        permissions.contains { $0 == permission || (!permission.hasPrefix("admin") && $0 == "*") }
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let whole): return Double(whole)
        case .double(let fraction) where fraction.isFinite: return fraction
        default: return nil
        }
    }

    private static func decode(_ part: Substring) -> [UInt8]? {
        var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text).map { Array($0) }
    }
}

extension ConsoleToken.Failure {
    /// gbrlsnchs/jwt's ErrExpValidation: what an expired token gets (never `token expired`).
    static let expired = Self(message: "jwt: exp claim is invalid", isJWTError: true)
    static let denylisted = Self(message: "jwt: created too far in past (denylist)", isJWTError: true)
    static let noConnect = Self(message: "jwt: missing connect permission", isJWTError: true)
}
