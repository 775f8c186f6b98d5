/// How the panel's database stores a number that passed validation in an integer column.
///
/// The panel validates limits such as a server's `memory` only as `numeric|min:0`
/// (app/Models/Server.php `$validationRules`) and runs MySQL without strict mode
/// (config/database.php: `'strict' => env('DB_STRICT_MODE', false)`), so MySQL rounds a
/// fraction to the nearest integer and clips a value beyond the column's range to its
/// end instead of refusing it: `memory: 5324.8` is stored as 5325 and `1e300` as
/// 4294967295. The ranges are the columns' types in database/migrations.
struct IntegerColumn: Sendable {
    let range: ClosedRange<Int>

    /// `unsignedInteger` / `integer()->unsigned()`: servers' memory, disk, io, cpu and feature limits, nodes' memory, disk, upload_size.
    static let unsignedInteger = IntegerColumn(range: 0...4_294_967_295)
    /// `integer`: servers' swap, nodes' memory_overallocate and disk_overallocate.
    static let integer = IntegerColumn(range: -2_147_483_648...2_147_483_647)
    /// `unsignedSmallInteger`: nodes' daemonListen and daemonSFTP.
    static let unsignedSmallInteger = IntegerColumn(range: 0...65_535)

    /// The stored value, or nil for a value that is not a number (null, absent, text).
    func store(_ value: JSONValue) -> Int? {
        if case .int(let number) = value { return min(max(number, range.lowerBound), range.upperBound) }
        guard let number = RuleEvaluator.number(value), !number.isNaN else { return nil }
        let rounded = number.rounded(.toNearestOrAwayFromZero)
        if rounded <= Double(range.lowerBound) { return range.lowerBound }
        if rounded >= Double(range.upperBound) { return range.upperBound }
        return Int(rounded)
    }
}
