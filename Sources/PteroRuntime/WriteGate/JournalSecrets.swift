import Foundation
import PteroLang

/// Takes secrets out of a body before it is shown or kept: a request's
/// `password` in a dry run's lines and the journal, and an answer's API key
/// `secret_token`, database `password` or websocket `token` in the journal.
/// A replayed run sees `********` in their place. The one masking of ptero's.
enum JournalSecrets {
    /// Keys whose values are secrets wherever they appear in an answer.
    static let keys: Set<String> = ["secret_token", "password", "token", "current_password", "password_confirmation"]
    static let maskText = "********"

    /// `body` unchanged unless it names a secret key; then the same JSON
    /// with those values masked, its keys in their order.
    static func scrub(_ body: Data) -> Data {
        guard keys.contains(where: { body.range(of: Data("\"\($0)\"".utf8)) != nil }),
              let value = try? Value.parsingJSON(utf8: body) else { return body }
        return (try? JSONBody.encode(mask(value))) ?? Data("\"\(maskText)\"".utf8)
    }

    private static func isNull(_ value: Value) -> Bool {
        if case .null = value { return true }
        return false
    }

    private static func mask(_ value: Value) -> Value {
        switch value {
        case .map(let map):
            let copy = MapObject()
            for (key, item) in map.entries {
                if case .string(let name) = key, keys.contains(name), !Self.isNull(item) {
                    copy[key] = .string(maskText)
                } else {
                    copy[key] = mask(item)
                }
            }
            return .map(copy)
        case .list(let list):
            return Value(list.items.map(mask))
        default:
            return value
        }
    }
}
