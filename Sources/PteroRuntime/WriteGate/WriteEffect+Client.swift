import Foundation
import PteroKit
import PteroLang

/// The client API's writes (a server's settings, startup, schedules,
/// backups, subusers, databases, network, files; the account) and where
/// each one's effect shows.
extension WriteEffect {
    static func clientCheck(_ write: WrittenRequest) -> WriteEffect? {
        let segments = write.segments
        if segments.first == "account" { return accountCheck(write) }
        guard segments.count >= 3, segments[0] == "servers" else { return nil }
        let own = "/api/client/servers/\(segments[1])"
        let rest = Array(segments.dropFirst(2))
        let method = write.request.method
        switch (rest.first ?? "", rest.count, method) {
        case ("settings", 2, .post) where rest[1] == "rename":
            // A null description is stored as "" (app/Http/Controllers/Api/Client/Servers/SettingsController.php).
            return update(write, probe: own, answers: false, fields: ["name": ["name"], "description": ["description"]],
                          emptyIsNull: ["description"])
        case ("settings", 2, .put) where rest[1] == "docker-image":
            return update(write, probe: own, answers: false, fields: ["docker_image": ["docker_image"]])
        case ("startup", 2, .put) where rest[1] == "variable":
            return startupVariable(write, own: own)
        case ("files", 2, _):
            return fileCheck(write, own: own, operation: rest[1])
        case ("schedules", 1, .post):
            guard let name = EffectCompare.text(write.body?.value(forName: "name")) else { return nil }
            // Names need not be unique: a schedule of that name may be another; none means not done.
            return creation(probe: own + "/schedules", query: [], answers: false) { attributes in
                EffectCompare.text(attributes.value(forName: "name")) == name ? .unseen : .differs
            }
        case ("schedules", 2, .post):
            var fields: [String: [String]] = ["name": ["name"], "is_active": ["is_active"], "only_when_online": ["only_when_online"]]
            for cron in ["minute", "hour", "day_of_month", "month", "day_of_week"] { fields[cron] = ["cron", cron] }
            return update(write, probe: own + "/schedules/\(rest[1])", answers: true, fields: fields)
        case ("schedules", 2, .delete):
            return deletion(probe: own + "/schedules/\(rest[1])")
        case ("schedules", 3, .post) where rest[2] == "tasks":
            return taskCreation(write, schedule: own + "/schedules/\(rest[1])")
        case ("schedules", 4, .post) where rest[2] == "tasks":
            return taskUpdate(write, schedule: own + "/schedules/\(rest[1])", task: rest[3])
        case ("schedules", 4, .delete) where rest[2] == "tasks":
            let task = rest[3]
            return WriteEffect(probe: get(own + "/schedules/\(rest[1])")) { response in
                // A schedule that is gone took its tasks with it.
                if response.status == 404 { return .done(answer: nil) }
                guard let tasks = scheduleTasks(response) else { return .unknown }
                return tasks.contains { idText($0.attributes) == task } ? .notDone : .done(answer: nil)
            }
        case ("backups", 1, .post):
            // A backup without a name is named by the time it ran; one with a name may share it.
            guard let name = EffectCompare.text(write.body?.value(forName: "name")), !name.isEmpty else { return nil }
            return creation(probe: own + "/backups", query: [("per_page", "50")], answers: false) { attributes in
                EffectCompare.text(attributes.value(forName: "name")) == name ? .unseen : .differs
            }
        case ("backups", 2, .delete):
            return deletion(probe: own + "/backups/\(rest[1])")
        case ("users", 1, .post):
            return subuserCreation(write, own: own)
        case ("users", 2, .post):
            return update(write, probe: own + "/users/\(rest[1])", answers: true, fields: [:], special: { name, value, attributes in
                name == "permissions" ? permissionsMatch(value, attributes.value(forName: "permissions")) : nil
            })
        case ("users", 2, .delete):
            return deletion(probe: own + "/users/\(rest[1])")
        case ("databases", 1, .post):
            // The client API names it as the application API does; this server's prefix is in every name it lists.
            return databaseCreation(write, probe: own + "/databases", nameField: "name", remoteField: "connections_from") { shown in
                databasePrefix(of: shown)
            }
        case ("databases", 2, .delete):
            let id = rest[1]
            return deletion(listing: own + "/databases") { idText($0) == id }
        case ("network", 3, .post) where rest[1] == "allocations":
            return networkAllocation(write, own: own, id: rest[2]) { sent, attributes in
                compare(sent, with: attributes, fields: ["notes": ["notes"]]).match
            }
        case ("network", 4, .post) where rest[1] == "allocations" && rest[3] == "primary":
            return networkAllocation(write, own: own, id: rest[2]) { _, attributes in
                guard case .bool(let primary)? = attributes.value(forName: "is_default") else { return .unseen }
                return primary ? .same : .differs
            }
        case ("network", 3, .delete) where rest[1] == "allocations":
            let id = rest[2]
            return deletion(listing: own + "/network/allocations") { idText($0) == id }
        default:
            // power, command, reinstall, backup restore and lock, schedule execute, rotate-password,
            // a new network allocation (the panel picks it): no read tells whether they ran.
            return nil
        }
    }

    /// The account: email, two-factor, SSH keys, API keys.
    static func accountCheck(_ write: WrittenRequest) -> WriteEffect? {
        let account = "/api/client/account"
        switch (write.segments, write.request.method) {
        case (["account", "email"], .put):
            guard let email = EffectCompare.text(write.body?.value(forName: "email"))?.lowercased() else { return nil }
            return WriteEffect(probe: get(account)) { response in
                guard let shown = ProbeAnswer.item(response).flatMap({ EffectCompare.text($0.attributes.value(forName: "email")) }) else {
                    return .unknown
                }
                return shown.lowercased() == email ? .done(answer: nil) : .notDone
            }
        case (["account", "two-factor"], .post), (["account", "two-factor", "disable"], .post):
            let enabling = write.segments.count == 2
            return WriteEffect(probe: get(account)) { response in
                guard let object = ProbeAnswer.item(response), case .bool(let enabled)? = object.attributes.value(forName: "2fa_enabled") else {
                    return .unknown
                }
                if enabling {
                    // Enabling answers with recovery tokens no read shows again: done cannot be answered.
                    return enabled ? .unknown : .notDone
                }
                return enabled ? .notDone : .done(answer: nil)
            }
        case (["account", "ssh-keys"], .post):
            // A key's fingerprint is unique on its account (app/Models/UserSSHKey.php).
            // The panel answers the key as PKCS8 PEM, so it is found by its key bytes (SSHKeyMaterial).
            guard let key = EffectCompare.text(write.body?.value(forName: "public_key"))?.trimmingCharacters(in: .whitespacesAndNewlines),
                  let material = SSHKeyMaterial.of(openSSH: key) else { return nil }
            let name = SentJSON(write.body?.value(forName: "name"))
            return creation(probe: account + "/ssh-keys", query: [], answers: true) { attributes in
                guard let stored = EffectCompare.text(attributes.value(forName: "public_key")),
                      SSHKeyMaterial.matches(stored, material: material) else {
                    return .differs
                }
                if let name, EffectCompare.match(name.value, attributes.value(forName: "name")) != .same { return .unseen }
                return .same
            }
        case (["account", "ssh-keys", "remove"], .post):
            guard let fingerprint = EffectCompare.text(write.body?.value(forName: "fingerprint")) else { return nil }
            return deletion(listing: account + "/ssh-keys") { EffectCompare.text($0.value(forName: "fingerprint")) == fingerprint }
        case (let segments, .delete) where segments.count == 3 && segments[1] == "api-keys":
            let identifier = segments[2]
            return deletion(listing: account + "/api-keys") { EffectCompare.text($0.value(forName: "identifier")) == identifier }
        default:
            // A new API key answers with its secret once; a password cannot be read back.
            return nil
        }
    }

    /// `PUT /startup/variable`: the variable's `server_value`; a null value
    /// is stored as "" (app/Http/Controllers/Api/Client/Servers/StartupController.php),
    /// which answers the variable with the startup command as `meta`.
    static func startupVariable(_ write: WrittenRequest, own: String) -> WriteEffect? {
        guard let body = write.body, let key = EffectCompare.text(body.value(forName: "key")) else { return nil }
        let sentValue = SentJSON(body.value(forName: "value") ?? .null)
        return WriteEffect(probe: get(own + "/startup")) { response in
            guard case .map(let envelope)? = response.status == 200 ? ProbeAnswer.json(response) : nil,
                  let list = ProbeAnswer.list(envelope),
                  let variable = list.items.first(where: { EffectCompare.text($0.attributes.value(forName: "env_variable")) == key }),
                  let shown = variable.attributes.value(forName: "server_value") else { return .unknown }
            guard EffectCompare.sameScalar(sentValue?.value ?? .null, shown, emptyIsNull: true) else { return .notDone }
            let answer = variable.envelope.copy()
            let meta = ServerChanges.map(envelope.value(forName: "meta"))
            answer[.string("meta")] = .map(MapObject([("startup_command", meta?.value(forName: "startup_command") ?? .null),
                                                      ("raw_startup_command", meta?.value(forName: "raw_startup_command") ?? .null)]))
            return .done(answer: ProbeAnswer.answer(answer))
        }
    }

    /// A schedule's tasks, from its GET (they come included: the panel has no task listing).
    static func scheduleTasks(_ response: PanelResponse) -> [(envelope: MapObject, attributes: MapObject)]? {
        guard let schedule = ProbeAnswer.item(response),
              case .map(let related)? = EffectCompare.value(at: ["relationships", "tasks"], in: schedule.attributes),
              let list = ProbeAnswer.list(related), list.complete else { return nil }
        return list.items
    }

    static let taskFields = Dictionary(uniqueKeysWithValues: ResourceAction.taskFields.map { ($0, [$0]) })

    /// A new task: tasks need not differ, so one like it may be another; none like it means not done.
    static func taskCreation(_ write: WrittenRequest, schedule: String) -> WriteEffect? {
        guard case .json(let data)? = write.request.body else { return nil }
        return WriteEffect(probe: get(schedule)) { response in
            guard let sent = WrittenRequest.map(json: data), let tasks = scheduleTasks(response) else { return .unknown }
            let lookalike = tasks.contains { task in
                compare(sent, with: task.attributes, fields: taskFields, emptyIsNull: ["payload"]).match != .differs
            }
            return lookalike ? .unknown : .notDone
        }
    }

    static func taskUpdate(_ write: WrittenRequest, schedule: String, task: String) -> WriteEffect? {
        guard case .json(let data)? = write.request.body else { return nil }
        return WriteEffect(probe: get(schedule)) { response in
            guard let sent = WrittenRequest.map(json: data), let tasks = scheduleTasks(response),
                  let found = tasks.first(where: { idText($0.attributes) == task }) else { return .unknown }
            return compare(sent, with: found.attributes, fields: taskFields, emptyIsNull: ["payload"])
                .verdict(answer: ProbeAnswer.answer(found.envelope))
        }
    }

    /// `POST /users`: a subuser by email (a user is a subuser of a server
    /// once); its permissions as the panel keeps them.
    static func subuserCreation(_ write: WrittenRequest, own: String) -> WriteEffect? {
        guard let body = write.body, let email = EffectCompare.text(body.value(forName: "email"))?.lowercased(), !email.isEmpty else { return nil }
        let permissions = SentJSON(body.value(forName: "permissions"))
        return creation(probe: own + "/users", query: [], answers: true) { attributes in
            guard EffectCompare.text(attributes.value(forName: "email"))?.lowercased() == email else { return .differs }
            if let permissions, permissionsMatch(permissions.value, attributes.value(forName: "permissions")) != .same { return .unseen }
            return .same
        }
    }

    /// Permissions as a set; the panel adds `websocket.connect` to every
    /// subuser's (app/Http/Controllers/Api/Client/Servers/SubuserController.php
    /// getDefaultPermissions).
    static func permissionsMatch(_ sent: Value, _ shown: Value?) -> FieldMatch {
        guard let shown else { return .unseen }
        func names(_ value: Value) -> Set<String>? {
            guard case .list(let list) = value else { return nil }
            let texts = list.items.compactMap { EffectCompare.text($0) }
            return texts.count == list.items.count ? Set(texts) : nil
        }
        guard let wanted = names(sent), let held = names(shown) else { return .unseen }
        return wanted.union(["websocket.connect"]) == held.union(["websocket.connect"]) ? .same : .differs
    }

    /// One of a server's allocations, from its network listing (the client API has no GET of one).
    static func networkAllocation(_ write: WrittenRequest, own: String, id: String,
                                  judge: @escaping @Sendable (MapObject, MapObject) -> FieldMatch) -> WriteEffect? {
        let data: Data? = if case .json(let body)? = write.request.body { body } else { nil }
        return WriteEffect(probe: get(own + "/network/allocations")) { response in
            guard let list = ProbeAnswer.list(response), let found = list.items.first(where: { idText($0.attributes) == id }) else {
                return .unknown
            }
            var tally = FieldTally()
            tally.add(judge(data.flatMap(WrittenRequest.map(json:)) ?? MapObject(), found.attributes))
            return tally.verdict(answer: ProbeAnswer.answer(found.envelope))
        }
    }

    /// An object's `id` as text, as paths carry it (a number or a hashid).
    static func idText(_ attributes: MapObject) -> String? {
        switch attributes.value(forName: "id") {
        case .int(let id)?: String(id)
        case .string(let id)?: id
        default: nil
        }
    }

    /// `s12_` of `s12_world`: the part the panel puts before a database's name.
    static func databasePrefix(of name: String) -> String? {
        guard name.hasPrefix("s"), let underscore = name.firstIndex(of: "_") else { return nil }
        let digits = name[name.index(after: name.startIndex)..<underscore]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(name[...underscore])
    }
}
