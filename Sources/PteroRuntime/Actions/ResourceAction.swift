import PteroKit
import PteroLang

/// A write a resource offers as a method (`s.suspend()`), described once
/// so the same action works on one resource and, as a bulk job, on a query.
public struct ResourceAction: Sendable {
    public let name: String
    /// Asks for confirmation on a terminal unless `--yes`.
    public let isDestructive: Bool
    /// Builds the request for one resource from the call's arguments.
    let request: @Sendable (Resource, inout Arguments) throws -> PanelRequest

    public static func actions(for object: String) -> [ResourceAction] { table[object] ?? [] }

    public static func find(_ name: String, for object: String) -> ResourceAction? {
        actions(for: object).first { $0.name == name }
    }

    static let table: [String: [ResourceAction]] = [
        "server": [
            plain("suspend", .post, "/api/application/servers/{id}/suspend"),
            plain("unsuspend", .post, "/api/application/servers/{id}/unsuspend"),
            plain("reinstall", .post, "/api/application/servers/{id}/reinstall", destructive: true),
            ServerChanges.build,
            ServerChanges.update,
            ResourceAction(name: "delete", isDestructive: true) { resource, arguments in
                try arguments.expect(0...0, labels: ["force"])
                let force = try arguments.namedBool("force") ?? false
                return PanelRequest(.delete, "/api/application/servers/\(try id(of: resource))" + (force ? "/force" : ""))
            },
        ],
        "node": [plain("delete", .delete, "/api/application/nodes/{id}", destructive: true)],
        "user": [plain("delete", .delete, "/api/application/users/{id}", destructive: true)],
        "location": [plain("delete", .delete, "/api/application/locations/{id}", destructive: true)],
    ]

    /// An action without arguments on the resource's own path.
    static func plain(_ name: String, _ method: HTTPMethod, _ template: String, destructive: Bool = false) -> ResourceAction {
        ResourceAction(name: name, isDestructive: destructive) { resource, arguments in
            try arguments.expect(0...0)
            return PanelRequest(method, template.replacingOccurrences(of: "{id}", with: String(try id(of: resource))))
        }
    }

    static func id(of resource: Resource) throws -> Int {
        guard let id = resource.numericID else {
            throw RuntimeError("\(resource.displayText) has no numeric id")
        }
        return id
    }
}

extension Arguments {
    /// A named bool argument; nil when absent.
    func namedBool(_ label: String) throws -> Bool? {
        guard let value = labeled(label) else { return nil }
        guard case .bool(let flag) = value else {
            throw RuntimeError("\(label): must be true or false, not \(value.describedType)")
        }
        return flag
    }
}
