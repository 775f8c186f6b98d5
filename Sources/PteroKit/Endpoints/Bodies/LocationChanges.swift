/// The fields of a location to change; nil leaves a field as it is.
public struct LocationChanges: Encodable, Sendable, Equatable {
    public var short: String?
    public var long: String?

    public init(short: String? = nil, long: String? = nil) {
        self.short = short
        self.long = long
    }

    enum CodingKeys: String, CodingKey {
        case short
        case long
    }
}
