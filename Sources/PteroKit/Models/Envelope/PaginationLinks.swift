/// `meta.pagination.links`. Current panels send `{}` when there is no
/// neighbour page, very old ones `[]`; both decode to no links.
public struct PaginationLinks: Decodable, Sendable, Equatable {
    public var previous: String?
    public var next: String?

    public init(previous: String? = nil, next: String? = nil) {
        self.previous = previous
        self.next = next
    }

    enum CodingKeys: String, CodingKey {
        case previous, next
    }

    public init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            // Only an empty array was ever sent; anything in it carries no links.
            while !array.isAtEnd { _ = try? array.decode(JSONValue.self) }
            self.init()
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(previous: try container.decodeIfPresent(String.self, forKey: .previous),
                  next: try container.decodeIfPresent(String.self, forKey: .next))
    }
}
