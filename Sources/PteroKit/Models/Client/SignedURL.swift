/// A short-lived URL on the daemon for a download or upload (`signed_url`).
public struct SignedURL: Codable, Sendable, Equatable {
    public var url: String

    enum CodingKeys: String, CodingKey {
        case url
    }
}
