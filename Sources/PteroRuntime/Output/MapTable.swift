import PteroLang

/// A list of plain maps (records read from CSV or JSON, say) as a table:
/// one column per key, in the order keys first appear.
enum MapTable {
    /// Nil when the list holds anything but maps with at least one key,
    /// or more distinct keys than a table can show usefully.
    static func make(_ items: [Value], maximumColumns: Int = 40) -> Table? {
        var maps: [MapObject] = []
        var keys: [MapKey] = []
        var seen: Set<MapKey> = []
        for item in items {
            guard case .map(let map) = item, map.count > 0 else { return nil }
            maps.append(map)
            for key in map.keys where seen.insert(key).inserted { keys.append(key) }
            if keys.count > maximumColumns { return nil }
        }
        guard !maps.isEmpty else { return nil }
        let columns = keys.map { key in
            let present = maps.compactMap { $0[key] }.filter { !$0.isNull }
            return Table.Column(key.value.displayText, alignsRight: !present.isEmpty && present.allSatisfy(CellFormat.plain.alignsRight))
        }
        let rows = maps.map { map in keys.map { CellFormat.plain.text(map[$0] ?? .null) } }
        return Table(columns: columns, rows: rows)
    }
}
