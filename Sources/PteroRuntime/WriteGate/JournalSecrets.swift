import Foundation

/// Takes secrets out of a body before it is shown or kept: a request's
/// `password` in a dry run's lines and the journal, and an answer's API key
/// `secret_token`, database `password` or websocket `token` in the journal.
/// A replayed run sees `********` in their place. The one masking of ptero's.
enum JournalSecrets {
    /// Keys whose values are secrets wherever they appear in an answer.
    static let keys: Set<String> = ["secret_token", "password", "token", "current_password", "password_confirmation"]
    static let maskText = "********"

    /// `body` unchanged unless it names a secret key; then the same JSON
    /// with those values masked, its keys sorted (as it cannot keep their order).
    static func scrub(_ body: Data) -> Data {
        guard keys.contains(where: { body.range(of: Data("\"\($0)\"".utf8)) != nil }),
              let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else { return body }
        let masked = mask(object)
        return (try? JSONSerialization.data(withJSONObject: masked, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])) ?? Data("\"\(maskText)\"".utf8)
    }

    private static func mask(_ object: Any) -> Any {
        if let map = object as? [String: Any] {
            var copy: [String: Any] = [:]
            for (key, value) in map { copy[key] = keys.contains(key) && !(value is NSNull) ? maskText : mask(value) }
            return copy
        }
        if let list = object as? [Any] { return list.map(mask) }
        return object
    }
}
