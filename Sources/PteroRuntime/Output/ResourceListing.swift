import PteroLang

/// One panel object as its name line and then one `field  value` line per
/// attribute, nested maps spelled out as `limits.memory`, so every field
/// an admin can filter on is in sight with the name to type.
enum ResourceListing {
    /// Nested maps deeper than this print whole on one line.
    static let flatteningDepth = 3

    static func render(_ resource: Resource, width: Int) -> String {
        var fields: [(name: String, value: Value)] = []
        flatten(resource.attributes, prefix: "", depth: 0, into: &fields)
        for name in resource.relationships.keys.sorted() {
            fields.append((name, resource.relationships[name] ?? .null))
        }
        let nameWidth = fields.map { TerminalText.width(of: Table.shown($0.name)) }.max() ?? 0
        let valueWidth = max(10, width - nameWidth - 4)
        var lines = [resource.displayText]
        for (name, value) in fields {
            let text = Table.truncate(Table.shown(value.displayText), to: valueWidth)
            let shownName = Table.shown(name)
            let padding = String(repeating: " ", count: nameWidth - TerminalText.width(of: shownName))
            lines.append(Table.trimmingTrailingSpaces("  " + shownName + padding + "  " + text))
        }
        return lines.joined(separator: "\n")
    }

    /// Adds each entry of `map`, spelling out non-empty nested maps.
    static func flatten(_ map: MapObject, prefix: String, depth: Int, into fields: inout [(name: String, value: Value)]) {
        for (key, value) in map.entries {
            let name = prefix + key.value.displayText
            if case .map(let nested) = value, nested.count > 0, depth < flatteningDepth {
                flatten(nested, prefix: name + ".", depth: depth + 1, into: &fields)
            } else {
                fields.append((name, value))
            }
        }
    }
}
