/// A deterministic PRNG so a seed always yields the same panel; the system generator
/// is never used for data because tests rely on stable ids and values.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    private static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// Random `[A-Za-z0-9]` text, the alphabet of key identifiers and secrets.
    mutating func alphanumeric(_ count: Int) -> String {
        String((0..<count).map { _ in Self.alphanumerics[Int(next() % 62)] })
    }

    /// A version-4 style UUID string in lower case.
    mutating func uuid() -> String {
        let hex = Array("0123456789abcdef")
        var characters: [Character] = []
        for index in 0..<32 {
            var digit = Int(next() % 16)
            if index == 12 { digit = 4 }
            if index == 16 { digit = 8 + digit % 4 }
            characters.append(hex[digit])
            if [7, 11, 15, 19].contains(index) { characters.append("-") }
        }
        return String(characters)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    mutating func chance(_ probability: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}
