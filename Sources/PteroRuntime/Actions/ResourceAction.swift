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

    /// One entry per write endpoint on an object (§9–10 of the reference).
    static let table: [String: [ResourceAction]] = [
        "server": [
            endpoint("suspend", .post, .application, "/suspend"),
            endpoint("unsuspend", .post, .application, "/unsuspend"),
            endpoint("reinstall", .post, .application, "/reinstall", destructive: true),
            ServerChanges.build,
            ServerChanges.update,
            ServerChanges.startup,
            ResourceAction(name: "delete", isDestructive: true) { resource, arguments in
                try arguments.expect(0...0, labels: ["force"])
                let force = try arguments.namedBool("force") ?? false
                return PanelRequest(.delete, try base(.application, of: resource, action: "delete") + (force ? "/force" : ""))
            },
            endpoint("power", .post, .client, "/power", parameters: ["signal"], required: ["signal"]),
            endpoint("command", .post, .client, "/command", parameters: ["command"], required: ["command"]),
            endpoint("set_variable", .put, .client, "/startup/variable", parameters: ["key", "value"], required: ["key", "value"]),
            endpoint("docker_image", .put, .client, "/settings/docker-image", parameters: ["docker_image"], required: ["docker_image"]),
            endpoint("rename", .post, .client, "/settings/rename", parameters: ["name", "description"], required: ["name"]),
        ],
        "node": [
            endpoint("delete", .delete, .own, destructive: true),
            WholeUpdate.node,
        ],
        "user": [
            endpoint("delete", .delete, .own, destructive: true),
            WholeUpdate.user,
        ],
        "location": [
            endpoint("delete", .delete, .own, destructive: true),
            WholeUpdate.location,
        ],
        "allocation": [
            endpoint("delete", .delete, .own, destructive: true),
            endpoint("set_primary", .post, .own, "/primary"),
            endpoint("set_notes", .post, .own, parameters: ["notes"], required: ["notes"]),
        ],
        "server_database": [
            endpoint("delete", .delete, .own, destructive: true),
            ResourceAction(name: "reset_password", isDestructive: false) { resource, arguments in
                try arguments.expect(0...0)
                let own = try base(.own, of: resource, action: "reset_password")
                return PanelRequest(.post, own + (own.hasPrefix("/api/client") ? "/rotate-password" : "/reset-password"))
            },
        ],
        "backup": [
            endpoint("delete", .delete, .own, destructive: true),
            endpoint("restore", .post, .own, "/restore", parameters: ["truncate"], destructive: true),
            endpoint("toggle_lock", .post, .own, "/lock"),
        ],
        "server_schedule": [
            endpoint("delete", .delete, .own, destructive: true),
            endpoint("execute", .post, .own, "/execute"),
            endpoint("update", .post, .own, parameters: ["name", "minute", "hour", "day_of_month", "month", "day_of_week",
                                                         "is_active", "only_when_online"],
                     required: ["name", "minute", "hour", "day_of_month", "day_of_week"], defaults: [("month", "*")]),
            endpoint("add_task", .post, .own, "/tasks", parameters: taskFields, required: ["action", "time_offset"]),
        ],
        "schedule_task": [
            endpoint("delete", .delete, .own, destructive: true),
            endpoint("update", .post, .own, parameters: taskFields, required: ["action", "time_offset"]),
        ],
        "server_subuser": [
            endpoint("delete", .delete, .own, destructive: true),
            endpoint("update", .post, .own, parameters: ["permissions"], required: ["permissions"]),
        ],
        "api_key": [
            endpoint("delete", .delete, .own, destructive: true),
        ],
        "ssh_key": [
            // The panel removes a key by its fingerprint in a POST body, not by path.
            ResourceAction(name: "delete", isDestructive: true) { resource, arguments in
                try arguments.expect(0...0)
                let fingerprint = resource.attributes.value(forName: "fingerprint") ?? .null
                return PanelRequest(.post, "/api/client/account/ssh-keys/remove",
                                    body: .json(try JSONBody.encode(.map(MapObject([("fingerprint", fingerprint)])))))
            },
        ],
    ]

    /// A schedule task's body (§10.6 of the reference): the panel has no
    /// list of tasks, they come inside their schedule (`schedule.tasks`).
    static let taskFields = ["action", "payload", "time_offset", "sequence_id", "continue_on_failure"]

    static func id(of resource: Resource) throws -> Int {
        guard let id = resource.applicationID else {
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
