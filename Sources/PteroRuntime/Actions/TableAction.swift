import PteroKit
import PteroLang

/// The language's methods on panel objects, made from the API table's
/// rows (`APITable`): a row says the method, the route, the body's fields
/// and the help; this file says how a call and an object fill them in.
extension ResourceAction {
    /// Every kind's actions, from the rows of `api` offered as methods
    /// (`account`'s are the `account` global's own: ClientGlobals.swift).
    static func actions(from api: APITable) -> [String: [ResourceAction]] {
        var table = [String: [ResourceAction]]()
        for endpoint in api.endpoints {
            guard case .method(let kind, let name, _)? = endpoint.offer, kind != "account",
                  table[kind]?.contains(where: { $0.name == name }) != true else { continue }
            table[kind, default: []].append(action(name, rows: api.methods(name, of: kind)))
        }
        return table
    }

    /// One method from its rows: one, or one a side (a database's
    /// `reset_password` is the application API's `reset-password` and the
    /// client API's `rotate-password`), or a plain and a forced one.
    static func action(_ name: String, rows: [APIEndpoint]) -> ResourceAction {
        let forced = rows.first { $0.offer == .method($0.kindOffered, name, variant: .forced) }
        let plain = rows.filter { $0 != forced }
        let main = plain[0]
        let parameters = main.labels.map { callLabels[main.id]?[$0] ?? $0 } + (forced == nil ? [] : ["force"])
        let sides = Set(plain.map(\.api))
        let endpoint = (plain.map { row in
            row.route + (sides.count > 1 && row.api == .client ? " (read through the client API)" : "")
        } + (forced.map { ["\($0.route) (force: true)"] } ?? [])).joined(separator: "\n  ")
        return ResourceAction(name: name, isDestructive: rows.contains(where: \.isDestructive), parameters: parameters,
                              endpoint: endpoint, summary: main.summary) { resource, arguments in
            let callee = "\(resource.kind.typeName.lowercased()).\(name)"
            var row = try pick(plain, for: resource, action: name)
            var given = arguments
            if let forced {
                let force = try arguments.namedBool("force") ?? false
                given.named.removeAll { $0.label == "force" }
                if force { row = forced }
            }
            let path = try self.path(of: row, for: resource, action: name)
            switch row.strategy {
            case .named:
                let bound = try BoundArguments(given, callee: callee, parameters: main.labels, required: row.required)
                for (field, value) in bound.values { try WholeNumbers.check(field, value) }
                guard !row.body.isEmpty else { return PanelRequest(row.method, path) }
                let body = bound.body(adding: row.defaults.sorted { $0.key < $1.key }.map { ($0.key, Value($0.value)) })
                return PanelRequest(row.method, path, body: .json(try JSONBody.encode(body)))
            case .asRead:
                // The fields of a whole object have no order a call could follow.
                guard given.positional.isEmpty else {
                    throw RuntimeError("\(callee)() takes named arguments only: " + main.labels.map { "\($0):" }.joined(separator: ", "))
                }
                let bound = try BoundArguments(given, callee: callee, parameters: main.labels, required: row.required)
                guard !bound.isEmpty else {
                    throw RuntimeError("\(callee)() needs at least one of " + main.labels.map { "\($0):" }.joined(separator: ", "))
                }
                for (field, value) in bound.values { try WholeNumbers.check(field, value) }
                let body = asRead(row.body, bound: bound, read: resource.attributes, at: nil)
                return PanelRequest(row.method, path, body: .json(try JSONBody.encode(.map(body))))
            case .custom:
                guard let build = custom[row.id] else { throw RuntimeError("\(callee)() has no way to build its body (\(row.id))") }
                return try build(resource, &given, row, path)
            }
        }
    }

    /// The row a call on `resource` takes: the one on the side the object
    /// was read from, when there is one a side.
    static func pick(_ rows: [APIEndpoint], for resource: Resource, action: String) throws -> APIEndpoint {
        // A server is reached by its id or its identifier, whichever API it was read from.
        if resource.kind.object == "server" || !rows[0].path.contains("{") { return rows[0] }
        guard let own = resource.path else {
            throw RuntimeError("\(resource.displayText) was not read from a list, so \(action)() does not know its path")
        }
        let side: PanelAPI = own.hasPrefix("/api/client") ? .client : .application
        if let row = rows.first(where: { $0.api == side }) { return row }
        let other = rows[0]
        throw RuntimeError("\(resource.displayText) was read through the \(side.rawValue) API, and \(action)() is the "
                           + "\(other.api.rawValue) API's only (\(other.route)): read it from there")
    }

    /// The concrete path of `row` for `resource`: a server's by its id or
    /// identifier, any other object's from where it was read, and the part
    /// of the route after its last `{...}` added (`/restore`).
    static func path(of row: APIEndpoint, for resource: Resource, action: String) throws -> String {
        guard let close = row.path.lastIndex(of: "}") else { return row.path }
        let suffix = String(row.path[row.path.index(after: close)...])
        if resource.kind.object == "server" {
            if row.api == .client {
                guard let path = resource.clientPath else {
                    throw RuntimeError("\(resource.displayText) has no identifier, so \(action)() cannot reach it")
                }
                return path + suffix
            }
            return "/api/application/servers/\(try id(of: resource))" + suffix
        }
        guard let own = resource.path else {
            throw RuntimeError("\(resource.displayText) was not read from a list, so \(action)() does not know its path")
        }
        return own + suffix
    }

    /// The body of an `asRead` row: each field as named in the call, else
    /// as read from the object (at `readFrom` when the body nests it
    /// elsewhere); maps are built field by field the same way.
    static func asRead(_ fields: [BodyField], bound: BoundArguments, read attributes: MapObject, at prefix: String?) -> MapObject {
        var body = [(String, Value)]()
        for field in fields {
            let place = field.readFrom ?? (prefix.map { "\($0).\(field.name)" } ?? field.name)
            if case .map(let inner) = field.type {
                body.append((field.name, .map(asRead(inner, bound: bound, read: attributes, at: place))))
            } else if let named = bound[field.name] {
                body.append((field.name, named))
            } else if !field.onlyWhenNamed, let read = value(at: place, in: attributes) {
                body.append((field.name, read))
            }
        }
        return MapObject(body)
    }

    /// `limits.memory` in a read object's attributes.
    static func value(at place: String, in attributes: MapObject) -> Value? {
        var current: Value = .map(attributes)
        for name in place.split(separator: ".") {
            guard case .map(let map) = current, let next = map.value(forName: String(name)) else { return nil }
            current = next
        }
        return current
    }

    /// Body fields a call names otherwise, by row id: `s.transfer(node: 2,
    /// allocation: 7)` sends `node_id` and `allocation_id`.
    static let callLabels: [String: [String: String]] = [
        "servers.transfer": ["node_id": "node", "allocation_id": "allocation", "allocation_additional": "additional"],
    ]

    /// Rows whose body no general rule builds, by row id.
    static let custom: [String: @Sendable (Resource, inout Arguments, APIEndpoint, String) throws -> PanelRequest] = [
        "servers.update_startup": ServerChanges.startup,
        // Pelican's transfer: the language's `transfer(node:, allocation:, additional:)`
        // are the body's node_id, allocation_id and allocation_additional
        // (ServerManagementController.php `startTransfer`).
        "servers.transfer": { resource, arguments, row, path in
            let labels = callLabels[row.id] ?? [:]
            let bound = try BoundArguments(arguments, callee: "server.transfer", parameters: row.labels.map { labels[$0] ?? $0 },
                                           required: row.required.map { labels[$0] ?? $0 })
            var body = [(String, Value)]()
            for field in row.labels {
                guard let value = bound[labels[field] ?? field] else { continue }
                try WholeNumbers.check(field, value)
                body.append((field, value))
            }
            return PanelRequest(row.method, path, body: .json(try JSONBody.encode(.map(MapObject(body)))))
        },
        // The panel removes a key by its fingerprint in a POST body, not by path.
        "account.ssh_keys.delete": { resource, arguments, row, path in
            try arguments.expect(0...0)
            let fingerprint = resource.attributes.value(forName: "fingerprint") ?? .null
            return PanelRequest(row.method, path, body: .json(try JSONBody.encode(.map(MapObject([("fingerprint", fingerprint)])))))
        },
    ]
}

extension APIEndpoint {
    /// The kind of object whose method this row is ("" when it is none).
    var kindOffered: String {
        if case .method(let kind, _, _)? = offer { return kind }
        return ""
    }
}
