import PteroKit
import PteroLang

/// A write a resource offers as a method (`s.suspend()`), described once
/// so the same action works on one resource and, as a bulk job, on a query.
public struct ResourceAction: Sendable {
    public let name: String
    /// Asks for confirmation on a terminal unless `--yes`.
    public let isDestructive: Bool
    /// Its arguments, as `help` shows them: `memory:, swap:, ...`.
    public let parameters: [String]
    /// The request it sends, as `help` shows it: `POST {own}/lock`, where
    /// `{own}` stands for the object's own path (see `help(for:)`).
    public let endpoint: String
    /// One line for `help`: what the panel does with it.
    public let summary: String
    /// Builds the request for one resource from the call's arguments.
    let request: @Sendable (Resource, inout Arguments) throws -> PanelRequest

    init(name: String, isDestructive: Bool, parameters: [String] = [], endpoint: String, summary: String,
         request: @escaping @Sendable (Resource, inout Arguments) throws -> PanelRequest) {
        self.name = name
        self.isDestructive = isDestructive
        self.parameters = parameters
        self.endpoint = endpoint
        self.summary = summary
        self.request = request
    }

    /// `build(memory:, swap:, ...)`, as `help` shows it.
    public var signature: String { "\(name)(" + parameters.map { "\($0):" }.joined(separator: ", ") + ")" }

    /// What `help(s.build)` prints for an object of `kind`: the signature,
    /// the endpoint and the summary; on a query, that it is a bulk job.
    func help(for kind: ResourceKind, onQuery: Bool) -> String {
        let own = Self.ownPaths[kind.object] ?? "{the object's path}"
        var lines = [signature, "  " + endpoint.replacingOccurrences(of: "{own}", with: own),
                     "  " + summary.replacingOccurrences(of: "{kind}", with: kind.typeName.lowercased())]
        if onQuery { lines.append("  On a query or a list: a bulk job, one request per \(kind.typeName.lowercased()), at the panel's rate limit.") }
        if isDestructive { lines.append("  Asks first on a terminal (--yes skips the question).") }
        return lines.joined(separator: "\n")
    }

    /// Each kind's own path, for `help`, as the panel's routes name it
    /// (panel: routes/api-application.php, routes/api-client.php).
    static let ownPaths: [String: String] = [
        "server": "/api/application/servers/{id}",
        "node": "/api/application/nodes/{id}",
        "user": "/api/application/users/{id}",
        "location": "/api/application/locations/{id}",
        "allocation": "/api/application/nodes/{node}/allocations/{id} or /api/client/servers/{identifier}/network/allocations/{id}",
        "server_database": "/api/application/servers/{id}/databases/{database} or /api/client/servers/{identifier}/databases/{database}",
        "backup": "/api/client/servers/{identifier}/backups/{uuid}",
        "server_schedule": "/api/client/servers/{identifier}/schedules/{id}",
        "schedule_task": "/api/client/servers/{identifier}/schedules/{schedule}/tasks/{id}",
        "server_subuser": "/api/client/servers/{identifier}/users/{uuid}",
        "api_key": "/api/client/account/api-keys/{identifier}",
    ]

    public static func actions(for object: String) -> [ResourceAction] { table[object] ?? [] }

    public static func find(_ name: String, for object: String) -> ResourceAction? {
        actions(for: object).first { $0.name == name }
    }

    /// One entry per write endpoint on an object (§9–10 of the reference).
    static let table: [String: [ResourceAction]] = [
        "server": [
            endpoint("suspend", .post, .application, "/suspend", summary: "Suspends the server: it stops and its owner cannot start it."),
            endpoint("unsuspend", .post, .application, "/unsuspend", summary: "Lifts a suspension."),
            endpoint("reinstall", .post, .application, "/reinstall", destructive: true,
                     summary: "Runs the egg's install script again; files it writes are replaced."),
            ServerChanges.build,
            ServerChanges.update,
            ServerChanges.startup,
            ResourceAction(name: "delete", isDestructive: true, parameters: ["force"],
                           endpoint: "DELETE /api/application/servers/{id} (force: true adds /force)",
                           summary: "Deletes the server and its files; force deletes it even when its node does not answer.") { resource, arguments in
                try arguments.expect(0...0, labels: ["force"])
                let force = try arguments.namedBool("force") ?? false
                return PanelRequest(.delete, try base(.application, of: resource, action: "delete") + (force ? "/force" : ""))
            },
            endpoint("power", .post, .client, "/power", parameters: ["signal"], required: ["signal"],
                     summary: "Sends a power signal: \"start\", \"stop\", \"restart\" or \"kill\"."),
            endpoint("command", .post, .client, "/command", parameters: ["command"], required: ["command"],
                     summary: "Types a command into the running server's console."),
            endpoint("set_variable", .put, .client, "/startup/variable", parameters: ["key", "value"], required: ["key", "value"],
                     summary: "Sets one startup variable the egg lets users edit."),
            endpoint("docker_image", .put, .client, "/settings/docker-image", parameters: ["docker_image"], required: ["docker_image"],
                     summary: "Picks another of the egg's Docker images."),
            endpoint("rename", .post, .client, "/settings/rename", parameters: ["name", "description"], required: ["name"],
                     summary: "Renames the server through the client API."),
        ],
        "node": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            WholeUpdate.node,
        ],
        "user": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            WholeUpdate.user,
        ],
        "location": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            WholeUpdate.location,
        ],
        "allocation": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            endpoint("set_primary", .post, .own, "/primary", summary: "Makes this allocation the server's primary one (a server's network list)."),
            endpoint("set_notes", .post, .own, parameters: ["notes"], required: ["notes"], summary: "Sets the allocation's notes (a server's network list)."),
        ],
        "server_database": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            ResourceAction(name: "reset_password", isDestructive: false,
                           endpoint: "POST {own}/reset-password (read through the client API: /rotate-password)",
                           summary: "Gives the database user a new random password.") { resource, arguments in
                try arguments.expect(0...0)
                let own = try base(.own, of: resource, action: "reset_password")
                return PanelRequest(.post, own + (own.hasPrefix("/api/client") ? "/rotate-password" : "/reset-password"))
            },
        ],
        "backup": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            endpoint("restore", .post, .own, "/restore", parameters: ["truncate"], destructive: true,
                     summary: "Restores the backup over the server's files; truncate: true deletes the files first."),
            endpoint("toggle_lock", .post, .own, "/lock", summary: "Locks or unlocks the backup; a locked one cannot be deleted."),
        ],
        "server_schedule": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            endpoint("execute", .post, .own, "/execute", summary: "Runs the schedule's tasks now."),
            endpoint("update", .post, .own, parameters: ["name", "minute", "hour", "day_of_month", "month", "day_of_week",
                                                         "is_active", "only_when_online"],
                     required: ["name", "minute", "hour", "day_of_month", "day_of_week"], defaults: [("month", "*")],
                     summary: "Replaces the schedule's name, cron fields and flags."),
            endpoint("add_task", .post, .own, "/tasks", parameters: taskFields, required: ["action", "time_offset"],
                     summary: "Adds a task (action: \"command\", \"power\" or \"backup\") to the schedule."),
        ],
        "schedule_task": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            endpoint("update", .post, .own, parameters: taskFields, required: ["action", "time_offset"],
                     summary: "Replaces the task's action, payload and offset."),
        ],
        "server_subuser": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
            endpoint("update", .post, .own, parameters: ["permissions"], required: ["permissions"],
                     summary: "Replaces the subuser's permissions."),
        ],
        "api_key": [
            endpoint("delete", .delete, .own, destructive: true, summary: "Deletes this {kind} on the panel."),
        ],
        "ssh_key": [
            // The panel removes a key by its fingerprint in a POST body, not by path.
            ResourceAction(name: "delete", isDestructive: true, endpoint: "POST /api/client/account/ssh-keys/remove",
                           summary: "Removes the SSH key from the account.") { resource, arguments in
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
