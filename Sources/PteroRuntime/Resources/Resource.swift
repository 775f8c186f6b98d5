import PteroKit
import PteroLang

/// A panel object as a language value: prints as `Server#12 "survival"`,
/// and its fields are the panel's attribute names (`s.name`, `s.limits.memory`).
public final class Resource: HostValue {
    public let kind: ResourceKind
    /// The panel's attributes, in the panel's order, relationships removed.
    public let attributes: MapObject
    /// Included relationships (`relationships.allocations`), already as values.
    public let relationships: [String: Value]
    /// The panel it came from, for its actions; nil for a detached copy.
    let session: PanelSession?
    /// The panel software it was read from: which methods and members it has.
    var dialect: PanelDialect { session?.dialect ?? .pterodactyl1 }
    /// The collection it was listed in (`/api/client/servers/1a2b3c4d/backups`):
    /// objects below a server have no path of their own without it.
    let collectionPath: String?

    public init(kind: ResourceKind, attributes: MapObject, relationships: [String: Value] = [:], session: PanelSession? = nil,
                collectionPath: String? = nil) {
        self.kind = kind
        self.attributes = attributes
        self.relationships = relationships
        self.session = session
        self.collectionPath = collectionPath
    }

    /// Reads a Fractal item `{"object": ..., "attributes": {...}}`; nil for a
    /// `null_resource` or anything that is not an item. `collection` is the
    /// path the items were listed at.
    public static func fromEnvelope(_ envelope: Value, session: PanelSession? = nil, collection: String? = nil) -> Value? {
        guard case .map(let item) = envelope, case .string(let object)? = item.value(forName: "object") else { return nil }
        if object == "list" {
            guard case .list(let data)? = item.value(forName: "data") else { return nil }
            return Value(data.items.map { fromEnvelope($0, session: session, collection: collection) ?? .null })
        }
        guard case .map(let raw)? = item.value(forName: "attributes") else { return object == "null_resource" ? .null : nil }
        let kind = ResourceKind.forObject(object)
        // Copied only to take the relationships out: a listing of thousands
        // of plain items keeps the parsed maps as they are.
        guard case .map(let related)? = raw.value(forName: "relationships") else {
            return .host(Resource(kind: kind, attributes: raw, session: session, collectionPath: collection))
        }
        let attributes = raw.copy()
        _ = attributes.remove(.string("relationships"))
        // Included objects live under their parent: a schedule's tasks at `.../schedules/7/tasks/{id}`.
        let parentPath = collection.flatMap { collection in
            identity(of: attributes, kind: kind).map { "\(collection)/\(plain($0))" }
        }
        var relationships: [String: Value] = [:]
        for (key, value) in related.entries {
            guard case .string(let name) = key else { continue }
            relationships[name] = fromEnvelope(value, session: session, collection: parentPath.map { "\($0)/\(name)" }) ?? .null
        }
        return .host(Resource(kind: kind, attributes: attributes, relationships: relationships, session: session,
                              collectionPath: collection))
    }

    /// The object's own path, which its reads and writes start from.
    public var path: String? {
        if kind.object == "server" {
            if let id = applicationID { return "/api/application/servers/\(id)" }
            return clientPath
        }
        guard let collectionPath, let identity else { return nil }
        return collectionPath + "/" + Self.plain(identity)
    }

    /// The id the application API knows it by: `id`, or a client-API
    /// server's `internal_id`.
    public var applicationID: Int? {
        if let numericID { return numericID }
        if case .int(let id)? = attributes.value(forName: "internal_id") { return id }
        return nil
    }

    /// A server's path in the client API, by its short identifier.
    public var clientPath: String? {
        guard kind.object == "server", case .string(let identifier)? = attributes.value(forName: "identifier") else { return nil }
        return "/api/client/servers/" + identifier
    }

    public var typeName: String { kind.typeName }

    /// The first identity attribute present: the id, else the uuid, ...
    public var identity: Value? { Self.identity(of: attributes, kind: kind) }

    static func identity(of attributes: MapObject, kind: ResourceKind) -> Value? {
        for field in kind.identityFields {
            if let value = attributes.value(forName: field), !value.isNull { return value }
        }
        return nil
    }

    /// The panel's numeric `id`, which paths use; nil for objects keyed otherwise.
    public var numericID: Int? {
        if case .int(let id)? = attributes.value(forName: "id") { return id }
        return nil
    }

    public var displayText: String {
        var text = kind.typeName
        let label = kind.labelFields.lazy.compactMap { field -> String? in
            if case .string(let label)? = self.attributes.value(forName: field), !label.isEmpty { return label }
            return nil
        }.first
        // A file is known by its name: `File "eula.txt"`, not `File#eula.txt "eula.txt"`.
        if let identity, Self.plain(identity) != label { text += "#" + Self.plain(identity) }
        if let label { text += " " + Value(label).literalText }
        return text
    }

    public var memberNames: [String] {
        attributes.keys.compactMap { key in if case .string(let name) = key { name } else { nil } } + relationships.keys.sorted()
            + Relations.names(for: kind.object, in: dialect) + SubCollections.names(for: kind.object, in: dialect)
            + (kind.object == "server" ? ServerClientMembers.names(in: dialect) + ServerConsoleMembers.names(in: dialect) : [])
            + ResourceAction.actions(for: kind.object, in: dialect).map(\.name)
    }

    /// `s.suspend()`: one write through the session's gate.
    public func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        if kind.object == "server", let value = try ServerClientMembers.call(name, of: self, arguments: &arguments) {
            return value
        }
        if kind.object == "server", let value = try ServerConsoleMembers.call(name, of: self, arguments: &arguments, interpreter: interpreter) {
            return value
        }
        guard let action = try ResourceAction.find(name, for: kind.object, in: dialect) else { return nil }
        guard let session else { throw RuntimeError("\(displayText) is not connected to a panel") }
        let request = try action.request(self, &arguments)
        if action.isDestructive { try session.confirm("\(name) \(displayText)") }
        return try session.writeReturningObject(request, collection: collectionPath)
    }

    public func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        if let value = attributes.value(forName: name) { return value }
        if let related = relationships[name] { return related }
        if let value = try Relations.value(name, of: self, interpreter: interpreter) { return value }
        if let session, let source = try SubCollections.source(name, of: self) {
            return .host(PanelQuery(session: session, source: source))
        }
        if kind.object == "server", let value = try ServerClientMembers.member(name, of: self) { return value }
        if kind.object == "server", let value = try ServerConsoleMembers.member(name, of: self) { return value }
        return try BoundMethod.action(name, of: self)
    }

    public func isEqual(to other: any HostValue) -> Bool {
        guard let other = other as? Resource, other.kind == kind, let mine = identity, let theirs = other.identity else {
            return self === other
        }
        return Self.plain(mine) == Self.plain(theirs)
    }

    public func plainValue(interpreter: Interpreter) throws -> Value? {
        let copy = attributes.copy()
        for name in relationships.keys.sorted() {
            copy[.string(name)] = try relationships[name].map { try Self.plainValue(of: $0, interpreter: interpreter) } ?? .null
        }
        return .map(copy)
    }

    static func plainValue(of value: Value, interpreter: Interpreter) throws -> Value {
        switch value {
        case .host(let host): return try host.plainValue(interpreter: interpreter) ?? .null
        case .list(let list): return Value(try list.items.map { try plainValue(of: $0, interpreter: interpreter) })
        default: return value
        }
    }

    static func plain(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        return value.literalText
    }
}
