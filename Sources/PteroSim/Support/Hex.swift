/// Lower-case hex of bytes.
enum Hex {
    private static let digits = Array("0123456789abcdef")
    static func encode(_ bytes: [UInt8]) -> String {
        String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
