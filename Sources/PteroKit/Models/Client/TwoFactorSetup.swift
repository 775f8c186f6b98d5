/// What to show an authenticator app to enable two-factor.
public struct TwoFactorSetup: Codable, Sendable, Equatable {
    /// An `otpauth://` URL.
    public var imageURLData: String
    public var secret: String

    enum CodingKeys: String, CodingKey {
        case imageURLData = "image_url_data"
        case secret
    }
}
