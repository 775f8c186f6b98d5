/// Writes a `JSONValue` as compact UTF-8 bytes, the way PHP's `json_encode` would
/// (slashes escaped, so URLs match the panel byte for byte).
struct JSONSerializer {
    private(set) var bytes: [UInt8] = []

    static func serialize(_ value: JSONValue) -> [UInt8] {
        var serializer = JSONSerializer()
        serializer.bytes.reserveCapacity(1024)
        serializer.write(value)
        return serializer.bytes
    }

    static func string(_ value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: bytes.append(contentsOf: [110, 117, 108, 108])
        case .bool(let flag): bytes.append(contentsOf: flag ? Self.trueBytes : Self.falseBytes)
        case .int(let number): writeInt(number)
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            bytes.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(pair.0)
                bytes.append(UInt8(ascii: ":"))
                write(pair.1)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)

    /// Digits without a temporary String: ints dominate panel payloads.
    private mutating func writeInt(_ number: Int) {
        if number == 0 { bytes.append(48); return }
        if number == Int.min { bytes.append(contentsOf: String(number).utf8); return }
        var value = number
        if value < 0 { bytes.append(UInt8(ascii: "-")); value = -value }
        let start = bytes.count
        while value > 0 { bytes.append(UInt8(48 + value % 10)); value /= 10 }
        bytes[start...].reverse()
    }

    private mutating func writeDouble(_ number: Double) {
        if number.isNaN || number.isInfinite { bytes.append(contentsOf: Array("0".utf8)); return }
        if number == number.rounded() && abs(number) < 1e15 {
            bytes.append(contentsOf: String(Int(number)).utf8)
        } else {
            bytes.append(contentsOf: String(number).utf8)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case UInt8(ascii: "/"): bytes.append(contentsOf: [92, 47])
            case 0x0A: bytes.append(contentsOf: [92, 110])
            case 0x0D: bytes.append(contentsOf: [92, 114])
            case 0x09: bytes.append(contentsOf: [92, 116])
            case 0..<0x20:
                bytes.append(contentsOf: [92, 117, 48, 48])
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
