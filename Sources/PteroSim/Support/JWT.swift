import Foundation

/// HS256 JSON Web Tokens like the panel issues for websockets and signed URLs.
enum JWT {
    /// `headers` come after `typ` and `alg`, as lcobucci/jwt's builder adds them.
    static func sign(_ claims: JSONValue, key: String, headers: [(String, JSONValue)] = []) -> String {
        let header = base64URL(JSONSerializer.serialize(.object([("typ", .string("JWT")), ("alg", .string("HS256"))] + headers)))
        let payload = base64URL(JSONSerializer.serialize(claims))
        let signature = SHA256.hmac(key: Array(key.utf8), message: Array("\(header).\(payload)".utf8))
        return "\(header).\(payload).\(base64URL(signature))"
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
