import PteroKit
import PteroLang

/// `user.update(email: ...)`, `node.update(...)`, `location.update(...)`:
/// the panel's PATCH on these is not partial (every required field must
/// be sent), so the body is the object as read with the named fields
/// changed, and nothing is wiped by accident.
enum WholeUpdate {
    static let node = action(fields: ["name", "location_id", "fqdn", "scheme", "behind_proxy", "public", "maintenance_mode",
                                      "memory", "memory_overallocate", "disk", "disk_overallocate", "upload_size",
                                      "daemon_listen", "daemon_sftp", "daemon_base"],
                             extras: ["reset_secret"])
    static let user = action(fields: ["email", "username", "first_name", "last_name", "external_id", "language", "root_admin"],
                             extras: ["password"])
    static let location = action(fields: ["short", "long"])

    /// `fields` come from the object unless named; `extras` are sent only when named.
    static func action(fields: [String], extras: [String] = []) -> ResourceAction {
        ResourceAction(name: "update", isDestructive: false, parameters: fields + extras, endpoint: "PATCH {own}",
                       summary: "Changes the named fields; the panel replaces the whole {kind}, so the others are sent as read.") { resource, arguments in
            let callee = "\(resource.kind.typeName.lowercased()).update"
            let bound = try BoundArguments(arguments, callee: callee, parameters: fields + extras)
            guard !bound.isEmpty else {
                throw RuntimeError("\(callee)() needs at least one of " + (fields + extras).map { "\($0):" }.joined(separator: ", "))
            }
            for (field, value) in bound.values { try WholeNumbers.check(field, value) }
            var body: [(String, Value)] = fields.compactMap { field in
                (bound[field] ?? resource.attributes.value(forName: field)).map { (field, $0) }
            }
            body += extras.compactMap { extra in bound[extra].map { (extra, $0) } }
            let path = try ResourceAction.base(.own, of: resource, action: "update")
            return PanelRequest(.patch, path, body: .json(try JSONBody.encode(.map(MapObject(body)))))
        }
    }
}
