import PteroLang

/// How a field's value reads in a table cell: sizes with their unit, so
/// `4096` under "memory" does not have to be worked out as 4 GB.
enum CellFormat: Sendable {
    case plain
    /// The panel's memory and disk unit: 4096 shows as `4 GB`.
    case mebibytes
    /// A backup's or file's size: 1536 shows as `1.5 KB`.
    case bytes
    /// CPU limits: 200 shows as `200%`.
    case percent

    /// The cell's text; null is blank, strings are unquoted, lists and maps
    /// are written as ptero would print them.
    func text(_ value: Value) -> String {
        switch (self, value) {
        case (_, .null): return ""
        case (.mebibytes, .int(let amount)): return Self.size(amount, units: ["MB", "GB", "TB"])
        case (.bytes, .int(let amount)): return Self.size(amount, units: ["B", "KB", "MB", "GB", "TB"])
        case (.percent, .int(let amount)): return "\(amount)%"
        default: return value.displayText
        }
    }

    /// True when the value lines up on the right: numbers and sizes.
    func alignsRight(_ value: Value) -> Bool {
        switch value {
        case .int, .double: return true
        default: return false
        }
    }

    /// `amount` in the largest unit (powers of 1024) that leaves at least 1,
    /// with one decimal when it is not whole: `1.5 GB`, `512 MB`.
    static func size(_ amount: Int, units: [String]) -> String {
        var scaled = Double(amount)
        var unit = 0
        while abs(scaled) >= 1024, unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        let rounded = (scaled * 10).rounded() / 10
        let number = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return number + " " + units[unit]
    }
}
