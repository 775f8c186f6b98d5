import Foundation
import PteroKit
import PteroLang

/// `s.build(memory: 4GB)` and `s.update(name: "x")`: the panel's PATCHes
/// replace the whole object, so the body starts from the server as it was
/// read and only the named fields change.
enum ServerChanges {
    static let buildLabels = ["memory", "swap", "disk", "io", "cpu", "threads", "oom_disabled",
                              "allocation", "databases", "allocations", "backups", "add_allocations", "remove_allocations"]
    static let detailLabels = ["name", "user", "external_id", "description"]

    static let build = ResourceAction(
        name: "build", isDestructive: false, parameters: buildLabels, endpoint: "PATCH /api/application/servers/{id}/build",
        summary: "Changes the server's limits, feature limits and allocations; fields not named keep their values."
    ) { resource, arguments in
        try arguments.expect(0...0, labels: buildLabels)
        guard !arguments.named.isEmpty else { throw RuntimeError("build() needs at least one of \(buildLabels.joined(separator: ", "))") }
        try WholeNumbers.check(arguments)
        let limits = map(resource.attributes.value(forName: "limits"))
        let features = map(resource.attributes.value(forName: "feature_limits"))
        func pick(_ label: String, _ current: Value?) -> Value { arguments.labeled(label) ?? current ?? .null }
        var body: [(String, Value)] = [
            ("allocation", pick("allocation", resource.attributes.value(forName: "allocation"))),
            ("limits", .map(MapObject(["memory", "swap", "disk", "io", "cpu", "threads"].map { ($0, pick($0, limits?.value(forName: $0))) }))),
            ("oom_disabled", pick("oom_disabled", limits?.value(forName: "oom_disabled"))),
            ("feature_limits", .map(MapObject(["databases", "allocations", "backups"].map { ($0, pick($0, features?.value(forName: $0))) }))),
        ]
        for label in ["add_allocations", "remove_allocations"] {
            if let value = arguments.labeled(label) { body.append((label, value)) }
        }
        return PanelRequest(.patch, "/api/application/servers/\(try ResourceAction.id(of: resource))/build",
                            body: .json(try JSONBody.encode(.map(MapObject(body)))))
    }

    static let update = ResourceAction(
        name: "update", isDestructive: false, parameters: detailLabels, endpoint: "PATCH /api/application/servers/{id}/details",
        summary: "Changes the server's name, owner, external id or description; fields not named keep their values."
    ) { resource, arguments in
        try arguments.expect(0...0, labels: detailLabels)
        guard !arguments.named.isEmpty else { throw RuntimeError("update() needs at least one of \(detailLabels.joined(separator: ", "))") }
        try WholeNumbers.check(arguments)
        let body = detailLabels.map { label in (label, arguments.labeled(label) ?? resource.attributes.value(forName: label) ?? .null) }
        return PanelRequest(.patch, "/api/application/servers/\(try ResourceAction.id(of: resource))/details",
                            body: .json(try JSONBody.encode(.map(MapObject(body)))))
    }

    /// `s.startup(image: ..., environment: {KEY: "v"})`: the variables
    /// named are merged into the server's own (unless the egg changes), so
    /// one variable can change without sending every other.
    static let startupLabels = ["startup", "environment", "egg", "image", "skip_scripts"]

    static let startup = ResourceAction(
        name: "startup", isDestructive: false, parameters: startupLabels, endpoint: "PATCH /api/application/servers/{id}/startup",
        summary: "Changes the startup command, egg, image or variables; the variables named are merged into the server's own."
    ) { resource, arguments in
        let labels = startupLabels
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
        return PanelRequest(.patch, "/api/application/servers/\(try ResourceAction.id(of: resource))/startup",
                            body: .json(try JSONBody.encode(.map(MapObject(body)))))
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
