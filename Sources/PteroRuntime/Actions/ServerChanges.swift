import Foundation
import PteroKit
import PteroLang

/// `s.startup(image: ..., environment: {KEY: "v"})`: the panel's PATCH
/// replaces the whole startup, so the body starts from the server as it
/// was read; the variables named are merged into the server's own (unless
/// the egg changes), so one variable can change without sending every other.
enum ServerChanges {
    /// The body of `servers.update_startup` (a `custom` row of the API table).
    static func startup(_ resource: Resource, _ arguments: inout Arguments, _ row: APIEndpoint, _ path: String) throws -> PanelRequest {
        let labels = row.labels
        let bound = try BoundArguments(arguments, callee: "server.startup", parameters: labels)
        guard !bound.isEmpty else { throw RuntimeError("startup() needs at least one of \(labels.map { "\($0):" }.joined(separator: ", "))") }
        for (field, value) in bound.values { try WholeNumbers.check(field, value) }
        let container = map(resource.attributes.value(forName: "container"))
        let currentEgg = resource.attributes.value(forName: "egg")
        let egg = bound["egg"] ?? currentEgg ?? .null
        let environment = MapObject()
        if let current = map(container?.value(forName: "environment")), egg.isEqual(to: currentEgg ?? .null) {
            for (key, value) in current.entries {
                // Set by the panel itself, not egg variables.
                if case .string(let name) = key, name == "STARTUP" || name.hasPrefix("P_SERVER_") { continue }
                environment[key] = value
            }
        }
        if let given = bound["environment"] {
            guard case .map(let changes) = given else {
                throw RuntimeError("server.startup(): 'environment' must be a map of variable names to values, not \(given.describedType)")
            }
            for (key, value) in changes.entries { environment[key] = value }
        }
        let body: [(String, Value)] = [
            ("startup", bound["startup"] ?? container?.value(forName: "startup_command") ?? .null),
            ("environment", .map(environment)),
            ("egg", egg),
            ("image", bound["image"] ?? container?.value(forName: "image") ?? .null),
            ("skip_scripts", bound["skip_scripts"] ?? .bool(false)),
        ]
        return PanelRequest(row.method, path, body: .json(try JSONBody.encode(.map(MapObject(body)))))
    }

    static func map(_ value: Value?) -> MapObject? {
        if case .map(let map)? = value { return map }
        return nil
    }
}

/// Language values as a JSON request body.
enum JSONBody {
    static func encode(_ value: Value) throws -> Data {
        try JSONSerialization.data(withJSONObject: try plain(value), options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
    }

    static func plain(_ value: Value) throws -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .int(let number): return number
        case .double(let number): return number
        case .string(let text): return text
        case .list(let list): return try list.items.map(plain)
        case .map(let map):
            var object: [String: Any] = [:]
            for (key, item) in map.entries {
                guard case .string(let name) = key else { throw RuntimeError("a request body's keys must be strings") }
                object[name] = try plain(item)
            }
            return object
        case .host(let resource as Resource):
            if let id = resource.numericID { return id }
            throw RuntimeError("\(resource.displayText) cannot be sent as a value")
        default:
            throw RuntimeError("\(value.describedType) cannot be sent to the panel")
        }
    }
}
