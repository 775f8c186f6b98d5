import Foundation

/// A JSON value whose objects keep their keys in the order they were
/// given: the one encoder of request bodies, for PteroKit's typed bodies
/// and the runtime's, so what is sent, shown in a dry run and journalled
/// reads in the order the panel's request class lists its fields.
public indirect enum OrderedJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Finite only: encoding NaN or an infinity throws `UnencodableNumber`.
    case double(Double)
    case string(String)
    case array([OrderedJSON])
    case object([Member])

    /// One key of an object and its value.
    public struct Member: Sendable, Equatable {
        public let key: String
        public let value: OrderedJSON

        public init(_ key: String, _ value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }

    /// An object of `members` in this order.
    public static func object(_ members: [(String, OrderedJSON)]) -> OrderedJSON {
        .object(members.map { Member($0.0, $0.1) })
    }

    /// The UTF-8 text: no whitespace, `/` and non-ASCII letters as they are,
    /// quotes, backslashes and control characters escaped.
    public func encoded() throws -> Data {
        var text = ""
        try write(to: &text)
        return Data(text.utf8)
    }

    func write(to text: inout String) throws {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        case .double(let number):
            guard number.isFinite else { throw UnencodableNumber(value: number) }
            // Swift's shortest round-tripping spelling ("5324.8", "1e+300",
            // "5.0") is valid JSON; an integral double stays a double, never
            // converted through Int (which traps past Int.max).
            text += "\(number)"
        case .string(let string): Self.quote(string, into: &text)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                try item.write(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                Self.quote(member.key, into: &text)
                text += ":"
                try member.value.write(to: &text)
            }
            text += "}"
        }
    }

    static func quote(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

/// NaN or an infinity, which JSON cannot carry.
public struct UnencodableNumber: Error, Equatable, CustomStringConvertible {
    public let value: Double
    public var description: String { "\(value) cannot be sent as JSON (only finite numbers can)" }
}

extension RequestBody {
    /// `value` as the JSON body, its objects' keys in their order.
    public static func json(ordered value: OrderedJSON) throws -> RequestBody {
        .json(try value.encoded())
    }
}
