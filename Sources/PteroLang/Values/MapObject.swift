/// A map key: the hashable values. A whole double is stored as an int so
/// `m[1]` and `m[1.0]` find the same entry, as `1 == 1.0` promises.
public enum MapKey: Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)

    public init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number):
            if number == number.rounded(), abs(number) < 9.2e18 { self = .int(Int(number)) } else { self = .double(number) }
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    public var value: Value {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        }
    }
}

/// An insertion-ordered map. Small maps (most records) are searched
/// linearly, which beats hashing for a handful of short keys; a hash index
/// is built once a map grows past `indexThreshold`.
public final class MapObject {
    // Unchecked exclusivity: see `Interpreter.stackTop`.
    @exclusivity(unchecked) public private(set) var keys: [MapKey] = []
    @exclusivity(unchecked) public private(set) var values: [Value] = []
    /// Shared with the maps of the same shape (`MapShape`) until one changes its keys.
    @exclusivity(unchecked) private var index: KeyIndex?
    static let indexThreshold = 8

    public init() {}
    deinit { NestedRelease.release(&values) }

    /// The values, leaving the map empty (see `NestedRelease`).
    func takeValues() -> [Value] {
        var taken: [Value] = []
        swap(&taken, &values)
        keys = []
        index = nil
        return taken
    }

    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[.string(key)] = value }
    }

    /// Distinct keys, at most `indexThreshold` of them, and their values.
    init(keys: [MapKey], values: [Value]) {
        self.keys = keys
        self.values = values
    }

    /// A map of a known shape: its keys and index are the shape's, not copies.
    init(shape: MapShape, values: [Value]) {
        self.keys = shape.keys
        self.index = shape.index
        self.values = values
    }

    public var count: Int { keys.count }

    public func position(of key: MapKey) -> Int? {
        if let index { return index.positions[key] }
        for position in keys.indices where keys[position] == key { return position }
        return nil
    }

    /// Field access with an inline cache: records built by one loop share a
    /// shape, so the position found last time is almost always right, and a
    /// hit costs one comparison of equal strings (a bit-for-bit check).
    @inline(__always)
    func value(forName name: String, cachedPosition: inout Int) -> Value? {
        let guess = cachedPosition
        if guess < keys.count, case .string(let key) = keys[guess], key == name { return values[guess] }
        if let index {
            guard let position = index.positions[.string(name)] else { return nil }
            cachedPosition = position
            return values[position]
        }
        for position in keys.indices {
            if case .string(let key) = keys[position], key == name {
                cachedPosition = position
                return values[position]
            }
        }
        return nil
    }

    /// Reserves room for a literal's entries before they are added.
    func reserve(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// Fast path for field access by a string key.
    @inline(__always)
    public func value(forName name: String) -> Value? {
        if let index { return index.positions[.string(name)].map { values[$0] } }
        for position in keys.indices {
            if case .string(let key) = keys[position], key == name { return values[position] }
        }
        return nil
    }

    public subscript(key: MapKey) -> Value? {
        get { position(of: key).map { values[$0] } }
        set {
            guard let newValue else { remove(key); return }
            if let position = position(of: key) {
                values[position] = newValue
            } else {
                keys.append(key)
                values.append(newValue)
                if index != nil {
                    if !isKnownUniquelyReferenced(&index) { index = KeyIndex(index!.positions) }
                    index!.positions[key] = keys.count - 1
                } else if keys.count > MapObject.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    @discardableResult
    public func remove(_ key: MapKey) -> Value? {
        guard let position = position(of: key) else { return nil }
        keys.remove(at: position)
        let removed = values.remove(at: position)
        if index != nil { rebuildIndex() }
        return removed
    }

    private func rebuildIndex() {
        index = KeyIndex(keys)
    }

    public var entries: Zip2Sequence<[MapKey], [Value]> { zip(keys, values) }

    public func copy() -> MapObject {
        let copy = MapObject()
        copy.keys = keys
        copy.values = values
        copy.index = index
        return copy
    }
}
