/// Short opaque ids like the panel's hashids for client-side database ids: stable for an
/// id, 8 characters, and not guessable as sequential numbers.
enum HashId {
    private static let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func encode(_ id: Int) -> String {
        var value = UInt64(id) &* 0x9E37_79B9_7F4A_7C15 ^ 0xA5A5_5A5A_1234_4321
        var output: [Character] = []
        for _ in 0..<8 {
            output.append(alphabet[Int(value % UInt64(alphabet.count))])
            value /= UInt64(alphabet.count)
            value ^= UInt64(id) &* 0x1000_0000_01B3
        }
        return String(output)
    }
}
