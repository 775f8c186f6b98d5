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

    /// `text` with every secret replaced by `[secret]`.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.mark)
        }
        return result
    }

    /// `bytes` with every secret replaced, for an answer's body.
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
        return result
    }
}
