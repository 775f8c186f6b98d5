import Foundation

/// Takes the keys and tokens ptero holds out of a text before it is shown.
///
/// A panel or a proxy may echo the `Authorization` header in an error page,
/// and an error may quote a URL or a setting. Every message built from an
/// outsider's text goes through here (the transport does it for its errors
/// and for refused answers; the runtime and the command may use it for
/// theirs), so a key is never printed, logged or journalled.
public struct SecretScrubber: Sendable {
    /// Secrets shorter than this are not scrubbed: replacing every `a` in
    /// a text would hide the text, and a key that short is refused anyway.
    public static let shortestSecret = 8
    /// What a secret is replaced with.
    public static let mark = "[secret]"

    public private(set) var secrets: [String]

    public init(_ secrets: [String] = []) {
        // Longest first, so a key that contains another is replaced whole.
        self.secrets = Set(secrets.filter { $0.utf8.count >= Self.shortestSecret }).sorted { $0.utf8.count > $1.utf8.count }
    }

    /// `text` with every secret replaced by `[secret]`, and every word
    /// shaped like a prefixed key (`KeyFormat`), whoever's it is.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.mark)
        }
        if KeyFormat.prefixes.contains(where: { result.contains($0.text) }) {
            result = String(decoding: Self.scrubPrefixedKeys(Array(result.utf8)), as: UTF8.self)
        }
        return result
    }

    /// `bytes` with every word of a key's shape and prefix (a prefix, then
    /// letters and digits to 48 in all) replaced: a panel or proxy may echo
    /// a key ptero was not given. A key without a prefix has no shape of
    /// its own (48 letters and digits could be anything), so only the
    /// keys ptero holds are recognised in that form, by `secrets`.
    static func scrubPrefixedKeys(_ bytes: [UInt8]) -> [UInt8] {
        let prefixes = KeyFormat.prefixes.map { Array($0.text.utf8) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let end = index + KeyFormat.length
            if end <= bytes.count, index == 0 || !KeyFormat.isLetterOrDigit(bytes[index - 1]),
               let prefix = prefixes.first(where: { bytes[index..<index + $0.count].elementsEqual($0) }),
               bytes[index + prefix.count..<end].allSatisfy(KeyFormat.isLetterOrDigit),
               end == bytes.count || !KeyFormat.isLetterOrDigit(bytes[end]) {
                output.append(contentsOf: mark.utf8)
                index += KeyFormat.length
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// `bytes` with every secret and prefixed key replaced, for an answer's body.
    public func scrub(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for secret in secrets {
            let needle = Array(secret.utf8)
            var output: [UInt8] = []
            var index = 0
            var found = false
            while index < result.count {
                if result[index] == needle[0], index + needle.count <= result.count,
                   result[index..<index + needle.count].elementsEqual(needle) {
                    output.append(contentsOf: Self.mark.utf8)
                    index += needle.count
                    found = true
                } else {
                    output.append(result[index])
                    index += 1
                }
            }
            if found { result = output }
        }
        return Self.scrubPrefixedKeys(result)
    }
}
