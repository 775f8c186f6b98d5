/// JSON text to and from values; object key order is kept both ways.
enum JSON {
    /// `caller` names what failed in errors: `json()`, or `csv()` for its nested cells.
    static func encode(_ value: Value, indent: Int, interpreter: Interpreter, caller: String = "json()") throws -> String {
        var output = ""
        var enclosing = EnclosingContainers()
        try write(value, to: &output, indent: indent, level: 0, interpreter: interpreter, caller: caller, enclosing: &enclosing)
        return output
    }

    /// As deep as `parse_json` reads, so whatever it read encodes again.
    static let maximumDepth = 512

    /// JSON cannot say that a list holds itself: `enclosing` notices one.
    private static func write(_ value: Value, to output: inout String, indent: Int, level: Int,
                              interpreter: Interpreter, caller: String, enclosing: inout EnclosingContainers) throws {
        guard level < maximumDepth else { throw RuntimeError("\(caller) cannot encode a value nested more than \(maximumDepth) deep") }
        // A list holding one list twice, sixty levels down, encodes to 2^60 elements.
        try interpreter.limits.checkString(bytes: output.utf8.count, "\(caller)'s text")
        let newline = indent > 0 ? "\n" + String(repeating: " ", count: indent * (level + 1)) : ""
        let closing = indent > 0 ? "\n" + String(repeating: " ", count: indent * level) : ""
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number):
            guard number.isFinite else { throw RuntimeError("\(caller) cannot encode \(Value.format(number))") }
            output += Value.format(number)
        case .string(let text): output += quote(text)
        case .list(let list):
            if list.items.isEmpty { output += "[]"; return }
            guard enclosing.enter(list) else { throw RuntimeError("\(caller) cannot encode a list that holds itself") }
            defer { enclosing.leave() }
            output += "["
            for (position, item) in list.items.enumerated() {
                output += (position > 0 ? "," : "") + newline
                try write(item, to: &output, indent: indent, level: level + 1, interpreter: interpreter, caller: caller, enclosing: &enclosing)
            }
            output += closing + "]"
        case .range(let range):
            try write(.list(ListObject(try range.elements(within: interpreter.limits))), to: &output, indent: indent, level: level, interpreter: interpreter, caller: caller, enclosing: &enclosing)
        case .map(let map):
            if map.count == 0 { output += "{}"; return }
            guard enclosing.enter(map) else { throw RuntimeError("\(caller) cannot encode a map that holds itself") }
            defer { enclosing.leave() }
            output += "{"
            for (position, (key, item)) in map.entries.enumerated() {
                output += (position > 0 ? "," : "") + newline
                output += quote(key.value.displayText) + (indent > 0 ? ": " : ":")
                try write(item, to: &output, indent: indent, level: level + 1, interpreter: interpreter, caller: caller, enclosing: &enclosing)
            }
            output += closing + "}"
        case .host(let host):
            guard let plain = try host.plainValue(interpreter: interpreter) else {
                throw RuntimeError("\(caller) cannot encode \(host.describedType)")
            }
            try write(plain, to: &output, indent: indent, level: level, interpreter: interpreter, caller: caller, enclosing: &enclosing)
        case .cell(let box):
            try write(box.value, to: &output, indent: indent, level: level, interpreter: interpreter, caller: caller, enclosing: &enclosing)
        case .closure, .native:
            throw RuntimeError("\(caller) cannot encode a function")
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `maximumCount` bounds each list and object (see `ValueLimits.maximumCount`).
    static func decode(_ text: String, maximumCount: Int = .max) throws -> Value {
        try decode(utf8: Array(text.utf8), maximumCount: maximumCount)
    }

    static func decode(utf8 bytes: [UInt8], maximumCount: Int = .max) throws -> Value {
        var reader = JSONReader(bytes: bytes)
        reader.maximumCount = maximumCount
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw reader.failure("unexpected text after the JSON value") }
        return value
    }
}

/// A strict JSON parser over bytes, with a depth limit instead of a stack overflow.
struct JSONReader {
    let bytes: [UInt8]
    var position = 0
    /// Most elements of one list or members of one object.
    var maximumCount = Int.max
    var shapes = MapShapeCache()
    /// Strings too long to be stored inline that this text has already
    /// given: a page of servers repeats each egg's startup command, image
    /// and variables, and each copy would hold its own bytes.
    /// Found by a fingerprint of their bytes, so a repeat costs no decoding
    /// and no allocation, only a comparison.
    var longStrings: [UInt64: String] = [:]
    /// Those with escapes (a startup command's `\"`), found by the decoded text.
    var escapedStrings: Set<String> = []
    static let longStringLimit = 10_000

    func failure(_ message: String) -> RuntimeError {
        var line = 1, column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == 10 { line += 1; column = 1 } else { column += 1 }
        }
        return RuntimeError("parse_json(): \(message) at line \(line), column \(column)")
    }

    mutating func skipSpace() {
        while position < bytes.count, [9, 10, 13, 32].contains(bytes[position]) { position += 1 }
    }

    mutating func value(depth: Int) throws -> Value {
        guard depth < JSON.maximumDepth else { throw failure("nesting is too deep") }
        guard position < bytes.count else { throw failure("unexpected end of JSON") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .map(MapObject()) }
            var keys: [MapKey] = []
            var values: [Value] = []
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                guard keys.count < maximumCount else { throw failure("an object has more than \(maximumCount) members") }
                keys.append(.string(try string()))
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                values.append(try value(depth: depth + 1))
                skipSpace()
                if try separatorEnds(UInt8(ascii: "}")) { return .map(shapes.map(keys: keys, values: values)) }
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [Value] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .list(ListObject()) }
            while true {
                skipSpace()
                guard items.count < maximumCount else { throw failure("a list has more than \(maximumCount) elements") }
                items.append(try value(depth: depth + 1))
                skipSpace()
                if try separatorEnds(UInt8(ascii: "]")) { return .list(ListObject(items)) }
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        default:
            return try number()
        }
    }

    /// After an element: `,` means more, `close` means done.
    mutating func separatorEnds(_ close: UInt8) throws -> Bool {
        guard position < bytes.count else { throw failure("unexpected end of JSON") }
        if bytes[position] == UInt8(ascii: ",") { position += 1; return false }
        if bytes[position] == close { position += 1; return true }
        throw failure("expected ',' or '\(Character(Unicode.Scalar(close)))'")
    }

    mutating func expect(_ byte: UInt8) throws {
        guard position < bytes.count, bytes[position] == byte else {
            throw failure("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    mutating func word(_ text: String) throws {
        for byte in text.utf8 { try expect(byte) }
    }

    mutating func number() throws -> Value {
        let start = position
        var isDouble = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count {
            let byte = bytes[position]
            if byte >= 48 && byte <= 57 { position += 1; continue }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || ((byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && isDouble) {
                isDouble = true
                position += 1
                continue
            }
            break
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !text.isEmpty, text != "-" else { throw failure("unexpected character") }
        if !isDouble, let number = Int(text) { return .int(number) }
        guard let number = Double(text) else { throw failure("invalid number '\(text)'") }
        return .double(number)
    }

    mutating func string() throws -> String {
        position += 1
        // Most strings have no escape: one decode of the bytes between the quotes.
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { position = end + 1 }
            return text(of: position..<end)
        }
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            if !run.isEmpty { scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars); run.removeAll() }
        }
        while true {
            guard position < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw failure("control character in string") }
            guard byte == UInt8(ascii: "\\") else { run.append(byte); continue }
            flush()
            guard position < bytes.count else { throw failure("unterminated string") }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): scalars.append(Unicode.Scalar(escaped))
            case UInt8(ascii: "u"):
                var code = try hex4()
                // A high surrogate joins the low one after it; one without
                // its pair (either half alone) reads as U+FFFD, as it
                // would in a browser.
                if (0xD800..<0xDC00).contains(code), let low = lowSurrogate() {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: throw failure("invalid escape in string")
            }
        }
        flush()
        let text = String(scalars)
        guard text.utf8.count > 15, escapedStrings.count < Self.longStringLimit else { return text }
        return escapedStrings.insert(text).memberAfterInsert
    }

    /// The string of `range`'s bytes, or an equal one this parse made before.
    private mutating func text(of range: Range<Int>) -> String {
        // Up to 15 UTF-8 bytes a String holds inline, with nothing to share.
        guard range.count > 15 else { return String(decoding: bytes[range], as: UTF8.self) }
        let key = fingerprint(of: range)
        if let known = longStrings[key], known.utf8.elementsEqual(bytes[range]) { return known }
        let text = String(decoding: bytes[range], as: UTF8.self)
        if longStrings.count < Self.longStringLimit { longStrings[key] = text }
        return text
    }

    /// The length and the first, middle and last eight bytes: enough to tell
    /// apart the long strings of a listing (uuids, dates, names) almost always;
    /// a clash only costs a comparison and a string not shared.
    private func fingerprint(of range: Range<Int>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            func word(_ offset: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            let middle = range.lowerBound + (range.count - 8) / 2
            func mix(_ hash: UInt64, _ part: UInt64) -> UInt64 {
                let mixed = (hash ^ part) &* 0x100_0000_01B3
                return mixed ^ (mixed >> 29)
            }
            let start = UInt64(range.count) &* 0x9E37_79B9_7F4A_7C15
            return mix(mix(mix(start, word(range.lowerBound)), word(middle)), word(range.upperBound - 8))
        }
    }

    /// The `\\uDC00`...`\\uDFFF` escape next, consumed; nil (nothing consumed) for anything else.
    mutating func lowSurrogate() -> UInt32? {
        guard position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
              let code = hexValue(at: position + 2), (0xDC00...0xDFFF).contains(code) else { return nil }
        position += 6
        return code
    }

    mutating func hex4() throws -> UInt32 {
        guard let code = hexValue(at: position) else { throw failure("invalid \\u escape") }
        position += 4
        return code
    }

    /// The four hex digits at `offset` (exactly four: no sign, no fewer).
    func hexValue(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            guard let digit = hexDigitValue(byte) else { return nil }
            code = code << 4 | digit
        }
        return code
    }
}

extension Value {
    /// Parses JSON into ordered maps, lists, ints and floats, as
    /// `parse_json` does; for hosts that read JSON from elsewhere (a panel).
    public static func parsingJSON(_ text: String) throws -> Value {
        try JSON.decode(text)
    }

    /// The same from UTF-8 bytes (an HTTP body), without making a String first.
    public static func parsingJSON(utf8 bytes: some Sequence<UInt8>) throws -> Value {
        try JSON.decode(utf8: Array(bytes))
    }
}
