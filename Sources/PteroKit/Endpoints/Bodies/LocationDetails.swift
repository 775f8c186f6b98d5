/// A location to create, or to replace with PATCH.
public struct LocationDetails: Encodable, Sendable, Equatable {
    public var short: String
    public var long: String?

    public init(short: String, long: String? = nil) {
        self.short = short
        self.long = long
    }

    enum CodingKeys: String, CodingKey {
        case short
        case long
    }
}
