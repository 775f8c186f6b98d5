/// Two-factor recovery tokens, shown once when two-factor is enabled.
public struct RecoveryTokens: Codable, Sendable, Equatable {
    public var tokens: [String]

    enum CodingKeys: String, CodingKey {
        case tokens
    }
}
