import PteroLang

/// Fields that name another object, navigable as that object:
/// `s.node_ref` is the Node whose id `s.node` holds. The `_ref` spelling
/// keeps `s.node` the panel's plain id, as the panel names it.
enum Relations {
    struct Relation: Sendable {
        let name: String
        /// The envelope `object` its endpoint answers with.
        let object: String
        /// The related object's path, from the attributes; nil when unset.
        let path: @Sendable (MapObject) -> String?
    }

    static let table: [String: [Relation]] = [
        "server": [
            Relation(name: "node_ref", object: "node") { id($0, "node").map { "/api/application/nodes/\($0)" } },
            Relation(name: "owner", object: "user") { id($0, "user").map { "/api/application/users/\($0)" } },
            Relation(name: "nest_ref", object: "nest") { id($0, "nest").map { "/api/application/nests/\($0)" } },
            Relation(name: "egg_ref", object: "egg") { attributes in
                guard let nest = id(attributes, "nest"), let egg = id(attributes, "egg") else { return nil }
                return "/api/application/nests/\(nest)/eggs/\(egg)"
            },
        ],
        "node": [
            Relation(name: "location_ref", object: "location") { id($0, "location_id").map { "/api/application/locations/\($0)" } },
        ],
        "egg": [
            Relation(name: "nest_ref", object: "nest") { id($0, "nest").map { "/api/application/nests/\($0)" } },
        ],
    ]

    static func names(for object: String) -> [String] { (table[object] ?? []).map(\.name) }

    /// The related object, read at most once per top-level statement.
    static func value(_ name: String, of resource: Resource, interpreter: Interpreter) throws -> Value? {
        guard let relation = table[resource.kind.object]?.first(where: { $0.name == name }) else { return nil }
        guard let path = relation.path(resource.attributes) else { return .null }
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
