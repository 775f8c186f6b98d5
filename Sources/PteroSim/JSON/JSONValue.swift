/// An ordered JSON value: the panel's answers have a fixed key order (pagination meta,
/// attributes), which Foundation's encoder does not promise to keep.
///
/// Not an `indirect enum`: arrays and key/value lists already box their payloads, and
/// avoiding `indirect` sidesteps swiftlang/swift#91283 at -Onone.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value under `key` when this is an object (first match), else nil.
    subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self {
            for (name, value) in pairs where name == key { return value }
        }
        return nil
    }

    var stringValue: String? { if case .string(let text) = self { return text }; return nil }
    var intValue: Int? {
        switch self {
        case .int(let number): return number
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
        default: return nil
        }
    }
    var boolValue: Bool? { if case .bool(let flag) = self { return flag }; return nil }
    var arrayValue: [JSONValue]? { if case .array(let items) = self { return items }; return nil }
    var objectValue: [(String, JSONValue)]? { if case .object(let pairs) = self { return pairs }; return nil }
    var isNull: Bool { if case .null = self { return true }; return false }

    /// Wraps an optional string, mapping nil to JSON null.
    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    /// Wraps an optional int, mapping nil to JSON null.
    static func optional(_ number: Int?) -> JSONValue { number.map { .int($0) } ?? .null }
}
