import PteroKit

/// How one panel object is reached from ids another holds: through a row
/// of the dialect's table, its placeholders filled from fields. Several
/// rows may be given, the first the dialect has wins: an egg is
/// `nests/{nest}/eggs/{egg}` on Pterodactyl and `eggs/{egg}` on Pelican,
/// which has no nests. So a path is written once, in the table.
struct RowLink: Sendable {
    /// Row ids, tried in order.
    let rows: [String]
    /// Each placeholder of the rows' routes, and the field its id comes from.
    let fields: [String: String]

    init(_ rows: String..., fields: [String: String]) {
        self.rows = rows
        self.fields = fields
    }

    /// The first of the rows `table` has, with the fields its route needs.
    func row(in table: APITable) -> (row: APIEndpoint, fields: [String])? {
        for id in rows {
            guard let row = table.endpoint(id) else { continue }
            let needed = row.placeholders.compactMap { fields[$0] }
            guard needed.count == row.placeholders.count else { continue }
            return (row, needed)
        }
        return nil
    }

    /// The related object's path in `table` with the ids `id` gives for
    /// fields; nil when the dialect has no such row or a field is unset.
    func path(in table: APITable, id: (String) -> Int?) -> String? {
        guard let (row, _) = row(in: table) else { return nil }
        var values: [String: String] = [:]
        for placeholder in row.placeholders {
            guard let field = fields[placeholder], let value = id(field) else { return nil }
            values[placeholder] = String(value)
        }
        return try? row.path(filling: values)
    }
}
