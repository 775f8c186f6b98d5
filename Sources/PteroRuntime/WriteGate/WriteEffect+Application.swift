import Foundation
import PteroKit
import PteroLang

/// The application API's writes (servers, users, nodes, locations,
/// allocations, server databases) and where each one's effect shows.
extension WriteEffect {
    static let application = "/api/application"

    static func applicationCheck(_ write: WrittenRequest) -> WriteEffect? {
        let segments = write.segments
        let method = write.request.method
        guard let kind = segments.first else { return nil }
        switch (kind, segments.count, method) {
        case ("servers", 1, .post): return serverCreation(write)
        case ("servers", _, _): return serverCheck(write)
        case ("users", 1, .post): return userCreation(write)
        case ("users", 2, .patch):
            // The password is never shown (and never compared or kept): it makes the verdict unknown.
            return update(write, probe: application + "/users/\(segments[1])", answers: true,
                          fields: Dictionary(uniqueKeysWithValues: ["email", "username", "first_name", "last_name", "external_id",
                                                                   "language", "root_admin"].map { ($0, [$0]) }),
                          special: { name, value, attributes in
                              // The panel keeps usernames lowercased and finds emails without regard to case
                              // (app/Models/User.php setUsernameAttribute; unique:users,email).
                              guard name == "email" || name == "username", case .string(let text) = value else { return nil }
                              guard let shown = EffectCompare.text(attributes.value(forName: name)) else { return .unseen }
                              return shown.lowercased() == text.lowercased() ? .same : .differs
                          })
        case ("users", 2, .delete), ("nodes", 2, .delete), ("locations", 2, .delete):
            return deletion(probe: application + "/\(kind)/\(segments[1])")
        case ("nodes", 1, .post): return nodeCreation(write)
        case ("nodes", 2, .patch):
            let fields = ["name", "location_id", "fqdn", "scheme", "behind_proxy", "public", "maintenance_mode", "memory",
                          "memory_overallocate", "disk", "disk_overallocate", "upload_size", "daemon_listen", "daemon_sftp",
                          "daemon_base", "description"]
            return update(write, probe: application + "/nodes/\(segments[1])", answers: true,
                          fields: Dictionary(uniqueKeysWithValues: fields.map { ($0, [$0]) }),
                          special: { name, value, _ in
                              // reset_secret: false asks for nothing; true makes a token the panel never shows.
                              guard name == "reset_secret" else { return nil }
                              return EffectCompare.sameScalar(value, .bool(false)) ? .same : .unseen
                          })
        case ("nodes", 3, .post) where segments[2] == "allocations": return allocationCreation(write)
        case ("nodes", 4, .delete) where segments[2] == "allocations":
            guard let id = write.id(at: 3) else { return nil }
            return deletion(listing: application + "/nodes/\(segments[1])/allocations", query: [("per_page", "100")]) { attributes in
                EffectCompare.sameScalar(.int(id), attributes.value(forName: "id") ?? .null)
            }
        case ("locations", 1, .post): return locationCreation(write)
        case ("locations", 2, .patch):
            return update(write, probe: application + "/locations/\(segments[1])", answers: true,
                          fields: ["short": ["short"], "long": ["long"]])
        default:
            // Nests and eggs are not written through the application API (the panel has no such routes).
            return nil
        }
    }

    /// `/servers/{id}/...`: details, build, startup, suspension, deletion, databases.
    static func serverCheck(_ write: WrittenRequest) -> WriteEffect? {
        let segments = write.segments
        guard let id = write.id(at: 1) else { return nil }
        let own = application + "/servers/\(id)"
        switch (Array(segments.dropFirst(2)), write.request.method) {
        case ([], .delete), (["force"], .delete):
            return deletion(probe: own)
        case (["details"], .patch):
            // The panel stores a null description as "" (app/Services/Servers/DetailsModificationService.php).
            return update(write, probe: own, answers: true,
                          fields: ["name": ["name"], "user": ["user"], "external_id": ["external_id"], "description": ["description"]],
                          emptyIsNull: ["description"])
        case (["build"], .patch):
            return serverBuild(write, own: own)
        case (["startup"], .patch):
            // skip_scripts is not in the server's transformer (app/Transformers/Api/Application/ServerTransformer.php),
            // so a startup write that sends it cannot be seen whole; it is a PATCH of absolute values, safe to resend.
            // A variable set to null is stored as "" (app/Services/Servers/StartupModificationService.php).
            return update(write, probe: own, answers: true,
                          fields: ["startup": ["container", "startup_command"], "egg": ["egg"], "image": ["container", "image"],
                                   "environment": ["container", "environment"]],
                          emptyIsNull: ["environment"])
        case (["suspend"], .post), (["unsuspend"], .post):
            let suspended = segments[2] == "suspend"
            return WriteEffect(probe: get(own)) { response in
                guard let object = ProbeAnswer.item(response), case .bool(let shown)? = object.attributes.value(forName: "suspended") else {
                    return .unknown
                }
                return shown == suspended ? .done(answer: nil) : .notDone
            }
        case (["databases"], .post):
            return databaseCreation(write, probe: own + "/databases", nameField: "database", remoteField: "remote") { _ in "s\(id)_" }
        case (let rest, .delete) where rest.count == 2 && rest[0] == "databases":
            return deletion(probe: own + "/databases/\(rest[1])")
        default:
            // reinstall, reset-password: nothing a read shows tells whether they ran.
            return nil
        }
    }

    /// `PATCH /servers/{id}/build`: limits and feature limits sit in their
    /// own maps on the server (app/Transformers/Api/Application/ServerTransformer.php);
    /// added and removed allocations show in its `allocations` relationship.
    static func serverBuild(_ write: WrittenRequest, own: String) -> WriteEffect? {
        guard let body = write.body else { return nil }
        let changesAllocations = body.value(forName: "add_allocations") != nil || body.value(forName: "remove_allocations") != nil
        var fields: [String: [String]] = ["allocation": ["allocation"], "limits": ["limits"], "feature_limits": ["feature_limits"],
                                          "oom_disabled": ["limits", "oom_disabled"]]
        for limit in ["memory", "swap", "disk", "io", "cpu", "threads"] { fields[limit] = ["limits", limit] }
        for feature in ["databases", "allocations", "backups"] { fields[feature] = ["feature_limits", feature] }
        return update(write, probe: own, query: changesAllocations ? [("include", "allocations")] : [], answers: true, fields: fields,
                      special: { name, value, attributes in
                          guard name == "add_allocations" || name == "remove_allocations" else { return nil }
                          guard case .list(let wanted) = value else { return .unseen }
                          guard let related = EffectCompare.value(at: ["relationships", "allocations"], in: attributes),
                                case .map(let listing) = related, let list = ProbeAnswer.list(listing), list.complete else {
                              return .unseen
                          }
                          let held = list.items.compactMap { EffectCompare.number($0.attributes.value(forName: "id") ?? .null) }
                          var tally = FieldTally()
                          for id in wanted.items {
                              guard let number = EffectCompare.number(id) else { tally.add(.unseen); continue }
                              tally.add(held.contains(number) == (name == "add_allocations") ? .same : .differs)
                          }
                          return tally.match
                      })
    }

    /// `POST /servers`: by its external_id, which the panel keeps unique, else
    /// by its default allocation, which only one server can hold
    /// (app/Models/Server.php validation rules), and its name. The listing
    /// filters on `external_id` and `name` (app/Http/Controllers/Api/Application/Servers/ServerController.php).
    static func serverCreation(_ write: WrittenRequest) -> WriteEffect? {
        guard let body = write.body else { return nil }
        let name = EffectCompare.text(body.value(forName: "name"))
        let allocation = ServerChanges.map(body.value(forName: "allocation"))?.value(forName: "default").flatMap(EffectCompare.number)
        let path = application + "/servers"
        if let externalID = filterValue(body.value(forName: "external_id")) {
            return creation(probe: path, query: [("filter[external_id]", externalID), ("per_page", "100")], answers: true) { attributes in
                guard EffectCompare.text(attributes.value(forName: "external_id")) == externalID else { return .differs }
                // Same external id, yet not as this write makes it: another's server, or changed since.
                if let name, EffectCompare.text(attributes.value(forName: "name")) != name { return .unseen }
                if let allocation, EffectCompare.number(attributes.value(forName: "allocation") ?? .null) != allocation { return .unseen }
                return .same
            }
        }
        guard let name = filterValue(body.value(forName: "name")), let allocation else { return nil }
        return creation(probe: path, query: [("filter[name]", name), ("per_page", "100")], answers: true) { attributes in
            guard EffectCompare.number(attributes.value(forName: "allocation") ?? .null) == allocation else { return .differs }
            return EffectCompare.text(attributes.value(forName: "name")) == name ? .same : .unseen
        }
    }

    /// `POST /users`: by email, which the panel keeps unique (app/Models/User.php
    /// validation rules), else by username; the listing filters on both
    /// (app/Http/Controllers/Api/Application/Users/UserController.php).
    static func userCreation(_ write: WrittenRequest) -> WriteEffect? {
        guard let body = write.body else { return nil }
        // Filtered as sent, compared without case.
        let sentEmail = filterValue(body.value(forName: "email")), email = sentEmail?.lowercased()
        let sentUsername = filterValue(body.value(forName: "username")), username = sentUsername?.lowercased()
        let path = application + "/users"
        if let email, let sentEmail {
            return creation(probe: path, query: [("filter[email]", sentEmail), ("per_page", "100")], answers: true) { attributes in
                guard lowercased("email", attributes) == email else { return .differs }
                if let username, lowercased("username", attributes) != username { return .unseen }
                return .same
            }
        }
        guard let username, let sentUsername else { return nil }
        return creation(probe: path, query: [("filter[username]", sentUsername), ("per_page", "100")], answers: true) { attributes in
            lowercased("username", attributes) == username ? .same : .differs
        }
    }

    static func lowercased(_ field: String, _ attributes: MapObject) -> String? {
        EffectCompare.text(attributes.value(forName: field))?.lowercased()
    }

    /// `POST /nodes`: a node's name and fqdn need not be unique
    /// (app/Models/Node.php validation rules), so a node that has them may
    /// be another; only their absence tells (the write is not done).
    static func nodeCreation(_ write: WrittenRequest) -> WriteEffect? {
        guard let body = write.body, let name = filterValue(body.value(forName: "name")),
              let fqdn = EffectCompare.text(body.value(forName: "fqdn")) else { return nil }
        return creation(probe: application + "/nodes", query: [("filter[name]", name), ("per_page", "100")], answers: true) { attributes in
            EffectCompare.text(attributes.value(forName: "name")) == name && EffectCompare.text(attributes.value(forName: "fqdn")) == fqdn
                ? .unseen : .differs
        }
    }

    /// `POST /locations`: by `short`, which the panel keeps unique (app/Models/Location.php).
    static func locationCreation(_ write: WrittenRequest) -> WriteEffect? {
        guard let body = write.body, let short = filterValue(body.value(forName: "short")) else { return nil }
        let long = SentJSON(body.value(forName: "long"))
        return creation(probe: application + "/locations", query: [("filter[short]", short), ("per_page", "100")], answers: true) { attributes in
            guard EffectCompare.text(attributes.value(forName: "short")) == short else { return .differs }
            if let long, EffectCompare.match(long.value, attributes.value(forName: "long")) != .same { return .unseen }
            return .same
        }
    }

    /// `POST /nodes/{id}/allocations`: every port of `ports` ("25565" or a
    /// range "25565-25570") on `ip`. The panel adds them with insert-ignore
    /// (app/Services/Allocations/AssignmentService.php), so one already there is
    /// no failure; the write is done when all are there. A CIDR block or a
    /// host name (which the panel resolves) cannot be matched, nor can more
    /// than the panel's 1000 ports a range.
    static func allocationCreation(_ write: WrittenRequest) -> WriteEffect? {
        guard let body = write.body, let ip = filterValue(body.value(forName: "ip")), IPAddressText.isLiteral(ip),
              case .list(let given)? = body.value(forName: "ports") else { return nil }
        var ports: [Int] = []
        for port in given.items {
            guard let range = AllocationPorts.parse(port), ports.count + range.count <= 1000 else { return nil }
            ports += range
        }
        guard !ports.isEmpty else { return nil }
        var query = [("filter[ip]", ip), ("per_page", "100")]
        if ports.count == 1 { query.insert(("filter[port]", String(ports[0])), at: 1) }
        let wanted = ports
        let alias = SentJSON(body.value(forName: "alias"))
        return WriteEffect(probe: get(application + "/nodes/\(write.segments[1])/allocations", query)) { response in
            guard let list = ProbeAnswer.list(response) else { return .unknown }
            var tally = FieldTally()
            for port in wanted {
                let found = list.items.first { item in
                    EffectCompare.text(item.attributes.value(forName: "ip")) == ip
                        && EffectCompare.number(item.attributes.value(forName: "port") ?? .null) == Double(port)
                }
                if let found {
                    // An allocation that was there before with another alias is no sign of this write.
                    if let alias = alias?.value, !alias.isNull, EffectCompare.match(alias, found.attributes.value(forName: "alias")) != .same {
                        tally.add(.unseen)
                    } else {
                        tally.add(.same)
                    }
                } else {
                    tally.add(list.complete ? .differs : .unseen)
                }
            }
            return tally.verdict(answer: nil)
        }
    }

    /// A server database create: the panel names it `s{server id}_{name}`,
    /// cut to 48 characters (app/Services/Databases/DatabaseManagementService.php
    /// generateUniqueDatabaseName), and a name is unique on its host.
    static func databaseCreation(_ write: WrittenRequest, probe path: String, nameField: String, remoteField: String,
                                 prefix: @escaping @Sendable (String) -> String?) -> WriteEffect? {
        guard let body = write.body, let name = EffectCompare.text(body.value(forName: "database")), !name.isEmpty else { return nil }
        let remote = SentJSON(body.value(forName: "remote"))
        return creation(probe: path, query: [("per_page", "100")], answers: true) { attributes in
            guard let shown = EffectCompare.text(attributes.value(forName: nameField)), let start = prefix(shown),
                  shown == String((start + name).prefix(48)) else { return .differs }
            if let remote, EffectCompare.match(remote.value, attributes.value(forName: remoteField)) != .same { return .unseen }
            return .same
        }
    }
}

/// Ports as an allocation create sends them (app/Services/Allocations/AssignmentService.php:
/// digits, or `NNNN-NNNNN`, at most 1000 ports a range, 1024 < port <= 65535).
enum AllocationPorts {
    static func parse(_ value: Value) -> [Int]? {
        if case .int(let port) = value { return (1025...65535).contains(port) ? [port] : nil }
        guard let text = EffectCompare.text(value) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCII) }),
              let first = Int(parts[0]), let last = Int(parts[parts.count - 1]),
              1025 <= first, first <= last, last <= 65535, last - first < 1000 else { return nil }
        return Array(first...last)
    }
}

/// Whether text is an IP address as the panel stores it, not a host name or a CIDR block.
enum IPAddressText {
    static func isLiteral(_ text: String) -> Bool {
        if text.contains(":") { return text.allSatisfy { $0.isHexDigit || $0 == ":" } }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part).map { $0 <= 255 } == true
        }
    }
}
