/// A query string read the way PHP fills `$_GET`, which is what the panel's controllers and
/// spatie/laravel-query-builder see.
///
/// Decoding is `urldecode`: `+` is a space and `%` followed by two hex digits is that byte; any other
/// `%` stays as it is (`%zz` is `%zz`, not `%`). Names follow `php_register_variable_ex`: leading
/// spaces are dropped, `.` and space before the first `[` become `_`, a `[` without its `]` becomes
/// `_`, text after a closing `]` that is not another `[` is ignored, and a pair with an empty name
/// is dropped. A later pair with the same name replaces the earlier one.
enum PHPQueryString {
    /// PHP's `max_input_vars` default: pairs beyond it are dropped (PHP warns and ignores them).
    static let maximumPairs = 1000

    /// The decoded pairs in order, each name rewritten to its canonical `base[index]...` form.
    static func pairs(_ query: String) -> [(String, String)] {
        var result: [(String, String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            if result.count == maximumPairs { break }
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = canonicalName(decode(pieces[0])) else { continue }
            result.append((name, pieces.count > 1 ? decode(pieces[1]) : ""))
        }
        return result
    }

    /// `urldecode` (or `rawurldecode`, which leaves `+` alone, when `plusIsSpace` is false):
    /// malformed escapes are kept byte for byte.
    static func decode<S: StringProtocol>(_ text: S, plusIsSpace: Bool = true) -> String {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "+") && plusIsSpace {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < input.count,
                      let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
                continue
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The name PHP registers for `raw`, or nil when PHP drops the pair (empty base name).
    static func canonicalName(_ raw: String) -> String? {
        let characters = Array(raw.drop { $0 == " " })
        var base = ""
        var index = 0
        var indices: [String] = []
        while index < characters.count {
            let character = characters[index]
            if character == "[" {
                guard let close = characters[(index + 1)...].firstIndex(of: "]") else {
                    // No closing bracket: the `[` becomes `_` and the rest is kept as written.
                    base += "_" + String(characters[(index + 1)...])
                    index = characters.count
                    break
                }
                indices.append(String(characters[(index + 1)..<close]))
                index = close + 1
                // Further indices only when the next character opens one; anything else is ignored.
                while index < characters.count, characters[index] == "[",
                      let next = characters[(index + 1)...].firstIndex(of: "]") {
                    indices.append(String(characters[(index + 1)..<next]))
                    index = next + 1
                }
                break
            }
            base.append(character == "." || character == " " ? "_" : character)
            index += 1
        }
        guard !base.isEmpty else { return nil }
        return base + indices.map { "[\($0)]" }.joined()
    }

    /// The entries of the array `prefix` (`filter[name]=...`) as PHP builds it: one per first index,
    /// in the order first seen, the last scalar winning; a nested list (`filter[name][]=a`) is joined
    /// with commas, which spatie/laravel-query-builder reads the same as `a,b`.
    static func bracketed(_ pairs: [(String, String)], prefix: String) -> [(String, String)] {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for (key, value) in pairs where key.hasPrefix(prefix + "[") {
            let rest = key.dropFirst(prefix.count + 1)
            guard let close = rest.firstIndex(of: "]") else { continue }
            let name = String(rest[..<close])
            let nested = rest.index(after: close) < rest.endIndex
            if values[name] == nil { order.append(name) }
            values[name] = nested ? (values[name] ?? []) + [value] : [value]
        }
        return order.map { ($0, values[$0]!.joined(separator: ",")) }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
