/// The panel's list envelope: `{"object": "list", "data": [items], "meta"?}`.
public struct FractalList<Attributes: Decodable & Sendable>: Decodable, Sendable {
    public var object: String
    public var data: [FractalItem<Attributes>]
    public var meta: ListMeta?

    /// The attributes of every item, in the panel's order.
    public var items: [Attributes] { data.map(\.attributes) }
}

extension FractalList: Equatable where Attributes: Equatable {}
