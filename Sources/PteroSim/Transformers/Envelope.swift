/// Fractal's three shapes (item, list, null_resource) as the panel's serializer emits them.
enum Envelope {
    static func item(_ object: String, _ attributes: [(String, JSONValue)], relationships: [(String, JSONValue)] = []) -> JSONValue {
        var attributes = attributes
        if !relationships.isEmpty { attributes.append(("relationships", .object(relationships))) }
        return .object([("object", .string(object)), ("attributes", .object(attributes))])
    }

    static func list(_ items: [JSONValue]) -> JSONValue {
        .object([("object", .string("list")), ("data", .array(items))])
    }

    static func list(_ items: [JSONValue], meta: [(String, JSONValue)]) -> JSONValue {
        .object([("object", .string("list")), ("data", .array(items)), ("meta", .object(meta))])
    }

    static let nullResource: JSONValue = .object([("object", .string("null_resource")), ("attributes", .null)])

    /// Adds a top-level `meta` to an item or list.
    static func withMeta(_ value: JSONValue, _ meta: [(String, JSONValue)]) -> JSONValue {
        guard case .object(var pairs) = value else { return value }
        pairs.append(("meta", .object(meta)))
        return .object(pairs)
    }
}
