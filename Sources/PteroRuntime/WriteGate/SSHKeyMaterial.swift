import Foundation

/// The key bytes of an OpenSSH public key, to find the key the panel stored: the panel
/// answers it as PKCS8 PEM (phpseclib's `toString('PKCS8')`, Client/Account/
/// StoreSSHKeyRequest.php), not as the `ssh-ed25519 AAAA...` text that was sent, and a
/// SubjectPublicKeyInfo holds the same bytes: an ed25519 key, an ECDSA point, an RSA modulus.
enum SSHKeyMaterial {
    /// The last field of the key's wire blob (RFC 4251 strings); nil when it is not one.
    static func of(openSSH text: String) -> [UInt8]? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2, let blob = Data(base64Encoded: String(parts[1])).map(Array.init) else { return nil }
        var offset = 0
        var fields: [[UInt8]] = []
        while blob.count - offset >= 4 {
            let length = blob[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard length <= blob.count - offset else { return nil }
            fields.append(Array(blob[offset..<(offset + length)]))
            offset += length
        }
        guard offset == blob.count, fields.count >= 2 else { return nil }
        // ssh-rsa: type, e, n; ssh-ed25519: type, key; ecdsa: type, curve, point.
        let material = fields[0] == Array("ssh-rsa".utf8) && fields.count == 3 ? fields[2] : fields[fields.count - 1]
        let significant = Array(material.drop { $0 == 0 })
        return significant.count >= 16 ? significant : nil
    }

    /// Whether `stored` (the panel's answer) is the key whose material is `material`:
    /// the same OpenSSH text's, or a PEM whose DER holds those bytes.
    static func matches(_ stored: String, material: [UInt8]) -> Bool {
        if let own = of(openSSH: stored) { return own == material }
        let body = stored.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard let der = Data(base64Encoded: body).map(Array.init), der.count >= material.count else { return false }
        return (0...(der.count - material.count)).contains { start in der[start..<(start + material.count)].elementsEqual(material) }
    }
}
