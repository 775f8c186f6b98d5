/// One included object under `attributes.relationships`: an item, or a
/// `null_resource` when it is absent or the key may not read it.
public struct RelatedItem<Value: Decodable & Sendable>: Decodable, Sendable {
    // An array rather than `Value?` keeps every model one pointer wide per
    // relationship, however deep the included objects nest.
    private let storage: [Value]

    /// The included object; nil for a `null_resource`.
    public var value: Value? { storage.first }

    public init(_ value: Value?) {
        storage = value.map { [$0] } ?? []
    }

    enum CodingKeys: String, CodingKey {
        case object, attributes
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let object = try container.decodeIfPresent(String.self, forKey: .object)
        let isNull = try !container.contains(.attributes) || container.decodeNil(forKey: .attributes)
        if object == "null_resource" || isNull {
            storage = []
        } else {
            storage = [try container.decode(Value.self, forKey: .attributes)]
        }
    }
}

extension RelatedItem: Equatable where Value: Equatable {}

extension RelatedItem: Encodable where Value: Encodable {
    /// Writes the envelope back as the panel sent it; the type label is
    /// not kept, so a present item is written as `object: "item"`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let value {
            try container.encode("item", forKey: .object)
            try container.encode(value, forKey: .attributes)
        } else {
            try container.encode("null_resource", forKey: .object)
            try container.encodeNil(forKey: .attributes)
        }
    }
}
