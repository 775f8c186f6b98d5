/// Parses request bodies into `JSONValue`, keeping key order; errors carry PHP's
/// `json_last_error_msg` texts because the panel quotes them in its 400 answer.
struct JSONParser {
    struct Failure: Error, Equatable { let message: String }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw Failure(message: "Syntax error") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipWhitespace() {
        while index < bytes.count, [32, 9, 10, 13].contains(bytes[index]) { index += 1 }
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw Failure(message: "Syntax error") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return try parseNumber()
        }
    }

    private mutating func expect(_ word: String) throws(Failure) {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw Failure(message: "Syntax error") }
            index += 1
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > 512 { throw Failure(message: "Maximum stack depth exceeded") }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var pairs: [(String, JSONValue)] = []
        // Where each key is in `pairs`: a repeated key replaces the value in its first place,
        // as json_decode does, found without a scan (a scan made 200,000 keys take a minute).
        var positions: [String: Int] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(pairs) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Failure(message: "Syntax error") }
            let key = try parseString()
            skipWhitespace()
            try expect(":")
            skipWhitespace()
            let value = try parseValue()
            if let existing = positions[key] {
                pairs[existing].1 = value
            } else {
                positions[key] = pairs.count
                pairs.append((key, value))
            }
            skipWhitespace()
            guard index < bytes.count else { throw Failure(message: "Syntax error") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(pairs) }
            throw Failure(message: "Syntax error")
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw Failure(message: "Syntax error") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw Failure(message: "Syntax error")
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1
        var output: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: output, as: UTF8.self) else {
                    throw Failure(message: "Malformed UTF-8 characters, possibly incorrectly encoded")
                }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Failure(message: "Syntax error") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): output.append(10)
                case UInt8(ascii: "t"): output.append(9)
                case UInt8(ascii: "r"): output.append(13)
                case UInt8(ascii: "b"): output.append(8)
                case UInt8(ascii: "f"): output.append(12)
                case UInt8(ascii: "u"): output.append(contentsOf: try parseUnicodeEscape())
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
                default: throw Failure(message: "Syntax error")
                }
            case 0..<0x20: throw Failure(message: "Control character error, possibly incorrectly encoded")
            default: output.append(byte)
            }
        }
        throw Failure(message: "Syntax error")
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw Failure(message: "Syntax error") }
        index += 4
        return value
    }

    private mutating func parseUnicodeEscape() throws(Failure) -> [UInt8] {
        var scalarValue = try parseHex4()
        if (0xD800..<0xDC00).contains(scalarValue), index + 6 <= bytes.count,
           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            index += 2
            let low = try parseHex4()
            // PHP's json_decode refuses a high surrogate whose partner is not a low one.
            guard (0xDC00...0xDFFF).contains(low) else {
                throw Failure(message: "Single unpaired UTF-16 surrogate in unicode escape")
            }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw Failure(message: "Single unpaired UTF-16 surrogate in unicode escape")
        }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        var isInteger = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 { index += 1; continue }
            if [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(byte) {
                isInteger = false; index += 1; continue
            }
            break
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let number = Int(text) { return .int(number) }
        if let number = Double(text), !text.isEmpty, text != "-" { return .double(number) }
        throw Failure(message: "Syntax error")
    }
}
