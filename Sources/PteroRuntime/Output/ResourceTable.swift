import PteroLang

/// Panel objects of one kind as a table, one row each, with the columns
/// `TableColumns` names for their kind (or a few telling ones for kinds it
/// does not know).
enum ResourceTable {
    static func make(_ resources: [Resource]) -> Table {
        let candidates = resources.first.map { TableColumns.forType($0.kind.typeName) ?? defaultColumns(for: $0) } ?? []
        var columns: [Table.Column] = []
        var cells: [[String]] = resources.map { _ in [] }
        for column in candidates {
            let values = resources.map { column.value(in: $0.attributes) ?? .null }
            let present = values.filter { !$0.isNull }
            // A column nobody has (a field of the other API) is left out.
            guard !present.isEmpty else { continue }
            columns.append(Table.Column(column.header, alignsRight: present.allSatisfy(column.format.alignsRight)))
            for (row, value) in values.enumerated() { cells[row].append(column.format.text(value)) }
        }
        return Table(columns: columns, rows: cells)
    }

    /// Fields shown at most for a kind without its own columns.
    static let defaultColumnCount = 6

    /// For a kind without its own list: what identifies and names it, then
    /// the first short scalar fields.
    static func defaultColumns(for sample: Resource) -> [FieldColumn] {
        let present = { (field: String) in sample.attributes.value(forName: field) != nil }
        var names = Array(sample.kind.identityFields.filter(present).prefix(1) + sample.kind.labelFields.filter(present).prefix(1))
        for case (.string(let name), let value) in sample.attributes.entries where names.count < defaultColumnCount {
            guard !names.contains(name), isShortScalar(value) else { continue }
            names.append(name)
        }
        return names.map { FieldColumn($0) }
    }

    static func isShortScalar(_ value: Value) -> Bool {
        switch value {
        case .int, .double, .bool: return true
        case .string(let text): return text.count <= 40
        default: return false
        }
    }
}
