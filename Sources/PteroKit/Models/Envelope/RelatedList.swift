/// An included list under `attributes.relationships` (never paginated), or
/// a `null_resource` when the key may not read it.
public struct RelatedList<Value: Decodable & Sendable>: Decodable, Sendable {
    /// The included objects; nil for a `null_resource`.
    public var items: [Value]?

    public init(_ items: [Value]?) {
        self.items = items
    }

    enum CodingKeys: String, CodingKey {
        case object, data
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decodeIfPresent(String.self, forKey: .object) == "null_resource" {
            items = nil
        } else {
            items = try container.decode([FractalItem<Value>].self, forKey: .data).map(\.attributes)
        }
    }
}

extension RelatedList: Equatable where Value: Equatable {}

extension RelatedList: Encodable where Value: Encodable {
    private struct Wrapped: Encodable {
        var attributes: Value
    }

    /// Writes the envelope back as the panel sent it (item labels are not kept).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let items {
            try container.encode("list", forKey: .object)
            try container.encode(items.map { Wrapped(attributes: $0) }, forKey: .data)
        } else {
            try container.encode("null_resource", forKey: .object)
        }
    }
}
