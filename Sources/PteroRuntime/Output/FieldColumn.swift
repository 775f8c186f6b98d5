import PteroLang

/// One column of a resource table: which attribute it shows and how, so
/// the per-kind lists in `TableColumns` stay one line each.
struct FieldColumn: Sendable {
    let header: String
    /// Attribute paths tried in turn (`limits.memory`; `id`, then
    /// `identifier` for the client API's servers); the first present wins.
    let paths: [String]
    let format: CellFormat

    init(_ header: String, _ paths: String..., format: CellFormat = .plain) {
        self.header = header
        self.paths = paths.isEmpty ? [header] : paths
        self.format = format
    }

    /// The field's value in `attributes`, or nil when none of the paths is there.
    func value(in attributes: MapObject) -> Value? {
        for path in paths {
            if let found = Self.read(path, in: attributes) { return found }
        }
        return nil
    }

    /// Follows a dotted path through nested maps.
    static func read(_ path: String, in attributes: MapObject) -> Value? {
        var current = Value.map(attributes)
        for name in path.split(separator: ".") {
            guard case .map(let map) = current, let next = map.value(forName: String(name)) else { return nil }
            current = next
        }
        return current
    }
}
