import Foundation

/// Laravel's TrimStrings and ConvertEmptyStringsToNull middleware over a JSON body:
/// `"  "` fails `required` on the panel, so it must here too.
enum BodyNormalizer {
    static func normalize(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? .null : .string(trimmed)
        case .array(let items): return .array(items.map(normalize))
        case .object(let pairs): return .object(pairs.map { ($0.0, normalize($0.1)) })
        default: return value
        }
    }
}
