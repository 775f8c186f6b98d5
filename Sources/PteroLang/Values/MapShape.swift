/// The positions of a large map's keys. Maps of one shape share one, so a
/// page of a hundred servers holds one index, not a hundred; a map that
/// adds a key to a shared one copies it first.
final class KeyIndex {
    var positions: [MapKey: Int]

    init(_ positions: [MapKey: Int]) {
        self.positions = positions
    }

    convenience init(_ keys: [MapKey]) {
        var positions: [MapKey: Int] = [:]
        positions.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() { positions[key] = position }
        self.init(positions)
    }
}

/// Distinct keys in order, and their index when there are many: what maps
/// read from the same JSON (every object of a panel listing) have in common.
struct MapShape {
    let keys: [MapKey]
    let index: KeyIndex?

    /// Nil when a key repeats: such a map is built entry by entry instead.
    init?(_ keys: [MapKey]) {
        if keys.count > MapObject.indexThreshold {
            let index = KeyIndex(keys)
            guard index.positions.count == keys.count else { return nil }
            self.index = index
        } else {
            for position in keys.indices where keys[..<position].contains(keys[position]) { return nil }
            self.index = nil
        }
        self.keys = keys
    }
}

/// The shapes met in one JSON text, so objects with the same keys share
/// them. Bounded: a text whose objects all differ gains nothing from more.
struct MapShapeCache {
    private var shapes: [MapShape] = []
    static let capacity = 64

    /// A map of `keys` and `values`, sharing a known shape's keys and index.
    mutating func map(keys: [MapKey], values: [Value]) -> MapObject {
        for shape in shapes where shape.keys.count == keys.count && shape.keys == keys {
            return MapObject(shape: shape, values: values)
        }
        guard let shape = MapShape(keys) else {
            let map = MapObject()
            for (key, value) in zip(keys, values) { map[key] = value }
            return map
        }
        if shapes.count < Self.capacity { shapes.append(shape) }
        return MapObject(shape: shape, values: values)
    }
}
