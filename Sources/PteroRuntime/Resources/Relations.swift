import PteroKit
import PteroLang

/// Fields that name another object, navigable as that object:
/// `s.node_ref` is the Node whose id `s.node` holds. The `_ref` spelling
/// keeps `s.node` the panel's plain id, as the panel names it.
enum Relations {
    struct Relation: Sendable {
        let name: String
        /// The envelope `object` its endpoint answers with.
        let object: String
        /// The related object's row, its ids from the attributes.
        let link: RowLink
    }

    static let table: [String: [Relation]] = [
        "server": [
            Relation(name: "node_ref", object: "node", link: RowLink("nodes.view", fields: ["node": "node"])),
            Relation(name: "owner", object: "user", link: RowLink("users.view", fields: ["user": "user"])),
            Relation(name: "nest_ref", object: "nest", link: RowLink("nests.view", fields: ["nest": "nest"])),
            Relation(name: "egg_ref", object: "egg", link: RowLink("eggs.view", "pelican.eggs.view", fields: ["nest": "nest", "egg": "egg"])),
        ],
        "node": [
            Relation(name: "location_ref", object: "location", link: RowLink("locations.view", fields: ["location": "location_id"])),
        ],
        "egg": [
            Relation(name: "nest_ref", object: "nest", link: RowLink("nests.view", fields: ["nest": "nest"])),
        ],
    ]

    /// The relations an object of `object` has on `dialect`'s panel (all of them when nil: `ptero check` has no panel).
    static func names(for object: String, in dialect: PanelDialect? = nil) -> [String] {
        (table[object] ?? []).filter { relation in dialect.map { relation.link.row(in: $0.table) != nil } ?? true }.map(\.name)
    }

    /// The related object, read at most once per top-level statement.
    static func value(_ name: String, of resource: Resource, interpreter: Interpreter) throws -> Value? {
        guard let relation = table[resource.kind.object]?.first(where: { $0.name == name }) else { return nil }
        guard relation.link.row(in: resource.dialect.table) != nil else {
            throw DialectAbsence.error("\(Article.with(resource.kind.typeName.lowercased()))'s \(name)", in: resource.dialect,
                                       has: PanelDialect.allCases.filter { relation.link.row(in: $0.table) != nil }, plural: false)
        }
        guard let path = relation.link.path(in: resource.dialect.table, id: { id(resource.attributes, $0) }) else { return .null }
        guard let session = resource.session else {
            throw RuntimeError("\(resource.displayText) is not connected to a panel, so its \(name) cannot be read")
        }
        let envelope = try AnswerShape.item(try session.readOncePerStatement(path, interpreter: interpreter),
                                            object: relation.object, endpoint: "GET \(path)")
        let collection = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        return Resource.fromEnvelope(envelope, session: session, collection: collection) ?? .null
    }

    private static func id(_ attributes: MapObject, _ field: String) -> Int? {
        if case .int(let id)? = attributes.value(forName: field) { return id }
        return nil
    }
}
