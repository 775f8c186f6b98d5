/// RFC 6238 one-time codes, so a real authenticator app can enable 2FA on the sim.
enum TOTP {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func secret(using random: inout SplitMix64) -> String {
        String((0..<32).map { _ in alphabet[Int(random.next() % 32)] })
    }

    static func code(secret: String, at seconds: Int) -> String {
        var bits = 0, value = 0
        var key: [UInt8] = []
        for character in secret.uppercased() {
            guard let index = alphabet.firstIndex(of: character) else { continue }
            value = value << 5 | index
            bits += 5
            if bits >= 8 { key.append(UInt8((value >> (bits - 8)) & 255)); bits -= 8 }
        }
        let counter = UInt64(seconds / 30)
        let message = (0..<8).reversed().map { UInt8(truncatingIfNeeded: counter >> (8 * UInt64($0))) }
        var block = key.count > 64 ? SHA1.digest(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let hash = SHA1.digest(block.map { $0 ^ 0x5c } + SHA1.digest(block.map { $0 ^ 0x36 } + message))
        let offset = Int(hash[19] & 0x0f)
        let number = (Int(hash[offset]) & 0x7f) << 24 | Int(hash[offset + 1]) << 16 | Int(hash[offset + 2]) << 8 | Int(hash[offset + 3])
        let text = String(number % 1_000_000)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    static func verify(_ code: String, secret: String, now: Int) -> Bool {
        [-30, 0, 30].contains { self.code(secret: secret, at: now + $0) == code }
    }
}
