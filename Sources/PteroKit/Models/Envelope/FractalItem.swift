/// The panel's item envelope: `{"object": "<type>", "attributes": {...}}`,
/// with an optional top-level `meta` (e.g. `meta.resource` after a create).
public struct FractalItem<Attributes: Decodable & Sendable>: Decodable, Sendable {
    public var object: String
    public var attributes: Attributes
    public var meta: ItemMeta?
}

extension FractalItem: Equatable where Attributes: Equatable {}
