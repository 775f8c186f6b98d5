import Foundation

/// An OpenSSH public key (`ssh-ed25519 AAAA... comment`) read from its wire blob, and the
/// form the panel stores and answers: phpseclib3's `toString('PKCS8')`, a PEM
/// SubjectPublicKeyInfo with CRLF line ends (Common/Formats/Keys/PKCS8.php `wrapPublicKey`:
/// `-----BEGIN PUBLIC KEY-----\r\n`, base64 in 64-character lines by `chunk_split`, then
/// `-----END PUBLIC KEY-----` with no line end), as Client/Account/StoreSSHKeyRequest.php
/// `getPublicKey` asks. The panel's loader reads more formats (PEM, PuTTY); the sim reads OpenSSH's.
struct SSHPublicKey {
    enum Kind: Equatable {
        case rsa(modulus: [UInt8], exponent: [UInt8])
        case ed25519([UInt8])
        case ecdsa(curve: String, point: [UInt8])
        case dsa
    }

    let kind: Kind
    /// The wire blob, which the SHA-256 fingerprint hashes.
    let blob: [UInt8]

    /// The key in `text`, or nil when it is not one (a type the blob does not repeat, a cut blob).
    init?(openSSH text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2, let data = Data(base64Encoded: String(parts[1])) else { return nil }
        var reader = WireReader(bytes: Array(data))
        guard let type = reader.string().map({ String(decoding: $0, as: UTF8.self) }), type == parts[0] else { return nil }
        switch type {
        case "ssh-rsa":
            guard let exponent = reader.string(), let modulus = reader.string(), !modulus.isEmpty else { return nil }
            kind = .rsa(modulus: modulus, exponent: exponent)
        case "ssh-ed25519":
            guard let key = reader.string(), key.count == 32 else { return nil }
            kind = .ed25519(key)
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521":
            guard let curve = reader.string().map({ String(decoding: $0, as: UTF8.self) }), "ecdsa-sha2-" + curve == type,
                  let point = reader.string(), point.first == 4 else { return nil }
            kind = .ecdsa(curve: curve, point: point)
        case "ssh-dss":
            // p, q, g and y: a blob without them does not load, so it is "not valid", not DSA.
            for _ in 0..<4 { guard reader.string()?.isEmpty == false else { return nil } }
            kind = .dsa
        default:
            return nil
        }
        guard reader.atEnd else { return nil }
        blob = Array(data)
    }

    /// phpseclib's `getLength()` of an RSA key: the modulus's bits.
    var rsaBits: Int? {
        guard case .rsa(let modulus, _) = kind else { return nil }
        let digits = Array(modulus.drop { $0 == 0 })
        guard let first = digits.first else { return 0 }
        return (digits.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }

    /// phpseclib's `getFingerprint('sha256')`: `SHA256:` and the unpadded base64 of the blob's digest.
    var fingerprint: String {
        "SHA256:" + Data(SHA256.digest(blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// The PKCS8 PEM; nil for DSA, which the panel refuses before storing.
    var pkcs8: String? {
        let algorithm: [UInt8], key: [UInt8]
        switch kind {
        case .rsa(let modulus, let exponent):
            algorithm = DER.sequence(DER.objectIdentifier([1, 2, 840, 113_549, 1, 1, 1]) + DER.null)
            key = DER.sequence(DER.integer(modulus) + DER.integer(exponent))
        case .ed25519(let bytes):
            algorithm = DER.sequence(DER.objectIdentifier([1, 3, 101, 112]))
            key = bytes
        case .ecdsa(let curve, let point):
            let curves: [String: [Int]] = ["nistp256": [1, 2, 840, 10045, 3, 1, 7], "nistp384": [1, 3, 132, 0, 34], "nistp521": [1, 3, 132, 0, 35]]
            guard let oid = curves[curve] else { return nil }
            algorithm = DER.sequence(DER.objectIdentifier([1, 2, 840, 10045, 2, 1]) + DER.objectIdentifier(oid))
            key = point
        case .dsa:
            return nil
        }
        let info = DER.sequence(algorithm + DER.bitString(key))
        let base64 = Data(info).base64EncodedString()
        var lines = ""
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines += base64[index..<end] + "\r\n"
            index = end
        }
        return "-----BEGIN PUBLIC KEY-----\r\n" + lines + "-----END PUBLIC KEY-----"
    }

    /// SSH's wire format (RFC 4251 §5): strings and mpints as a 4-byte length and the bytes.
    private struct WireReader {
        let bytes: [UInt8]
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func string() -> [UInt8]? {
            guard bytes.count - offset >= 4 else { return nil }
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard length <= bytes.count - offset else { return nil }
            defer { offset += length }
            return Array(bytes[offset..<(offset + length)])
        }
    }
}

/// The few DER encodings a SubjectPublicKeyInfo needs (X.690 §8).
enum DER {
    static func element(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var length: [UInt8]
        if content.count < 0x80 {
            length = [UInt8(content.count)]
        } else {
            var count = content.count
            length = []
            while count > 0 { length.insert(UInt8(count & 0xFF), at: 0); count >>= 8 }
            length.insert(0x80 | UInt8(length.count), at: 0)
        }
        return [tag] + length + content
    }

    static func sequence(_ content: [UInt8]) -> [UInt8] { element(0x30, content) }
    static let null: [UInt8] = [0x05, 0x00]
    /// A positive INTEGER from big-endian bytes (an SSH mpint is already in this form).
    static func integer(_ bytes: [UInt8]) -> [UInt8] {
        var digits = Array(bytes.drop { $0 == 0 })
        if digits.isEmpty || digits[0] & 0x80 != 0 { digits.insert(0, at: 0) }
        return element(0x02, digits)
    }
    static func bitString(_ bytes: [UInt8]) -> [UInt8] { element(0x03, [0] + bytes) }
    static func objectIdentifier(_ arcs: [Int]) -> [UInt8] {
        var content = [UInt8(arcs[0] * 40 + arcs[1])]
        for arc in arcs.dropFirst(2) {
            var chunk = [UInt8(arc & 0x7F)]
            var rest = arc >> 7
            while rest > 0 { chunk.insert(UInt8(0x80 | (rest & 0x7F)), at: 0); rest >>= 7 }
            content += chunk
        }
        return element(0x06, content)
    }
}
