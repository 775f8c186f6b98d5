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

/// Language values as a JSON request body, through PteroKit's one body
/// encoder (`OrderedJSON`): a map's keys go out in the map's order, which
/// is the order the action built them in (the panel request class's), so
/// the wire, a dry run and the journal read alike.
enum JSONBody {
    static func encode(_ value: Value) throws -> Data {
        do {
            return try ordered(value).encoded()
        } catch let error as UnencodableNumber {
            throw RuntimeError(error.description)
        }
    }

    static func ordered(_ value: Value) throws -> OrderedJSON {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .list(let list): return .array(try list.items.map(ordered))
        case .map(let map):
            var members: [OrderedJSON.Member] = []
            members.reserveCapacity(map.count)
            for (key, item) in map.entries {
                guard case .string(let name) = key else { throw RuntimeError("a request body's keys must be strings") }
                members.append(OrderedJSON.Member(name, try ordered(item)))
            }
            return .object(members)
        case .host(let resource as Resource):
            if let id = resource.numericID { return .int(id) }
            throw RuntimeError("\(resource.displayText) cannot be sent as a value")
        default:
            throw RuntimeError("\(value.describedType) cannot be sent to the panel")
        }
    }
}
