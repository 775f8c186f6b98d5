/// Pelican's transformers' attributes, made from the 1.x answer of the same handler so the
/// data stays one (as `Pterodactyl07Attributes` does for 0.7): each shared object loses what
/// Pelican dropped (locations, nests, user names) and gains what it added, read from
/// `app/Transformers/Api/Application/{User,Node,Server,Egg}Transformer.php` and
/// `app/Transformers/Api/Client/ServerTransformer.php` at pelican-dev/panel 235c8fb.
enum PelicanAttributes {
    /// What a rewrite reads besides the answer: which API, the caller (for includes' key
    /// permissions) and the state the answer was made from.
    struct Context {
        let isClient: Bool
        let caller: Caller?
        let state: PanelState
    }

    /// Rewrites a successful JSON answer's objects; errors, downloads and other bodies pass unchanged.
    static func rewrite(_ response: SimResponse, context: Context, includes: Includes) -> SimResponse {
        // A download (an egg file) is a file, not an answer: it passes as written.
        guard response.status < 400, response.contentType == "application/json", !response.body.isEmpty,
              !response.headers.contains(where: { $0.0 == "Content-Disposition" }),
              let value = try? JSONParser.parse(response.body) else { return response }
        var rewritten = response
        rewritten.body = JSONSerializer.serialize(walk(value, context, includes: includes))
        return rewritten
    }

    /// Every `{"object":…,"attributes":…}` below `value`, rewritten by its object name;
    /// `includes` is what was asked of the objects at this level (a relationship's are nested).
    static func walk(_ value: JSONValue, _ context: Context, includes: Includes) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { walk($0, context, includes: includes) })
        case .object(let pairs):
            let name = value["object"]?.stringValue
            return .object(pairs.map { key, child -> (String, JSONValue) in
                if key == "attributes", let name, case .object(let attributes) = child {
                    let nested = attributes.map { key, value -> (String, JSONValue) in
                        guard key == "relationships", case .object(let relations) = value else { return (key, walk(value, context, includes: includes)) }
                        return (key, .object(relations.map { ($0.0, walk($0.1, context, includes: includes.nested($0.0))) }))
                    }
                    return (key, .object(rewrite(attributes: nested, object: name, context, includes: includes)))
                }
                return (key, walk(child, context, includes: includes))
            })
        default:
            return value
        }
    }

    private static func rewrite(attributes: [(String, JSONValue)], object: String, _ context: Context, includes: Includes) -> [(String, JSONValue)] {
        let id = attributes.first { $0.0 == "id" }?.1.intValue
        let state = context.state
        switch object {
        case "user" where !context.isClient: return user(attributes, state.users[id ?? 0], context, includes: includes)
        case "user", "server_subuser": return clientUser(attributes, state: state)
        case "node": return node(attributes, state.nodes[id ?? 0], state: state)
        case "server" where context.isClient: return clientServer(attributes, state: state)
        case "server": return server(attributes, state: state)
        case "egg" where !context.isClient: return egg(attributes, state.eggs[id ?? 0])
        default: return attributes
        }
    }

    /// UserTransformer: no names; `is_managed_externally` after `external_id`; `2fa_enabled`
    /// and the deprecated `2fa`.
    /// The `roles` include lists RoleTransformer items, or `null_resource` for a key without
    /// read on roles (`includeRoles`).
    private static func user(_ pairs: [(String, JSONValue)], _ user: User?, _ context: Context, includes: Includes) -> [(String, JSONValue)] {
        var result: [(String, JSONValue)] = []
        for (key, value) in pairs {
            switch key {
            case "first_name", "last_name", "relationships": continue
            case "external_id":
                result += [(key, value), ("is_managed_externally", .bool(user?.isManagedExternally ?? false))]
            case "2fa": result += [("2fa_enabled", value), ("2fa", value)]
            default: result.append((key, value))
            }
        }
        var relationships = pairs.first { $0.0 == "relationships" }?.1.objectValue ?? []
        if includes.has("roles"), let user {
            let allowed = context.caller?.allows(.roles, write: false) ?? false
            relationships.append(("roles", allowed
                ? Envelope.list(user.roleIds.sorted().compactMap { context.state.roles[$0] }.map(PelicanRoleRoutes.render))
                : Envelope.nullResource))
        }
        if !relationships.isEmpty { result.append(("relationships", .object(relationships))) }
        return result
    }

    /// Api/Client/UserTransformer (the account, an activity's actor) and SubuserTransformer
    /// (the same and `permissions`): no id, no names; `root_admin` beside the deprecated `admin`.
    private static func clientUser(_ pairs: [(String, JSONValue)], state: PanelState) -> [(String, JSONValue)] {
        let uuid = pairs.first { $0.0 == "uuid" }?.1.stringValue
        let id = pairs.first { $0.0 == "id" }?.1.intValue
        guard let user = uuid.flatMap({ uuid in state.users.values.first { $0.uuid == uuid } }) ?? id.flatMap({ state.users[$0] }) else { return pairs }
        var result: [(String, JSONValue)] = [
            ("uuid", .string(user.uuid)),
            ("username", .string(user.username)),
            ("email", .string(user.email)),
            ("language", .string(user.language)),
            ("image", .string("https://gravatar.com/avatar/" + MD5.hex(Array(user.email.lowercased().utf8)))),
            ("admin", .bool(user.rootAdmin)),
            ("root_admin", .bool(user.rootAdmin)),
            ("2fa_enabled", .bool(user.twoFactorEnabled)),
            ("created_at", .string(Timestamp.iso(user.createdAt))),
            ("updated_at", .string(Timestamp.iso(user.updatedAt))),
        ]
        result += pairs.filter { $0.0 == "permissions" || $0.0 == "relationships" }
        return result
    }

    /// NodeTransformer: the model's `toArray()` (app/Models/Node.php): no `location_id`; cpu,
    /// cpu_overallocate, daemon_sftp_alias, daemon_connect and tags; `allocated_resources.cpu`.
    private static func node(_ pairs: [(String, JSONValue)], _ node: Node?, state: PanelState) -> [(String, JSONValue)] {
        guard let node else { return pairs }
        var result: [(String, JSONValue)] = []
        for (key, value) in pairs {
            switch key {
            case "location_id": continue
            case "disk_overallocate":
                result += [(key, value), ("cpu", .int(node.cpu)), ("cpu_overallocate", .int(node.cpuOverallocate))]
            case "daemon_listen":
                result += [(key, value), ("daemon_connect", .int(node.daemonConnect ?? node.daemonListen))]
            case "daemon_sftp":
                result += [(key, value), ("daemon_sftp_alias", .optional(node.daemonSftpAlias))]
            case "daemon_base":
                result += [(key, value), ("tags", .array(node.tags.map { .string($0) }))]
            case "allocated_resources":
                var resources = value.objectValue ?? []
                resources.append(("cpu", .int(state.servers(where: { $0.nodeId == node.id }).reduce(0) { $0 + $1.cpu })))
                result.append((key, .object(resources)))
            case "relationships": result.append((key, dropping(value, ["location"])))
            default: result.append((key, value))
            }
        }
        return result
    }

    /// ServerTransformer: no `nest`; `limits.oom_killer` (and the deprecated `oom_disabled`).
    private static func server(_ pairs: [(String, JSONValue)], state: PanelState) -> [(String, JSONValue)] {
        pairs.compactMap { key, value in
            switch key {
            case "nest": return nil
            case "limits": return (key, limits(value))
            case "relationships": return (key, dropping(value, ["nest", "location"]))
            default: return (key, value)
            }
        }
    }

    /// Api/Client/ServerTransformer: `sftp_details.alias`, `limits.oom_killer`, `is_transferring`.
    private static func clientServer(_ pairs: [(String, JSONValue)], state: PanelState) -> [(String, JSONValue)] {
        let serverId = pairs.first { $0.0 == "internal_id" }?.1.intValue ?? 0
        let node = state.servers[serverId].flatMap { state.nodes[$0.nodeId] }
        return pairs.map { key, value in
            switch key {
            case "limits": return (key, limits(value))
            case "sftp_details":
                var details = value.objectValue ?? []
                details.insert(("alias", .optional(node?.daemonSftpAlias)), at: min(1, details.count))
                return (key, .object(details))
            case "is_transferring": return (key, .bool(state.transfers[serverId] != nil))
            default: return (key, value)
            }
        }
    }

    private static func limits(_ value: JSONValue) -> JSONValue {
        guard case .object(let pairs) = value else { return value }
        var result: [(String, JSONValue)] = []
        for (key, child) in pairs {
            result.append((key, child))
            if key == "oom_disabled" { result.append(("oom_killer", .bool(child.boolValue == false))) }
        }
        return .object(result)
    }

    /// EggTransformer: no `nest`; icon, features and tags after the description;
    /// `startup_commands` after `startup`.
    private static func egg(_ pairs: [(String, JSONValue)], _ egg: Egg?) -> [(String, JSONValue)] {
        guard let egg else { return pairs }
        var result: [(String, JSONValue)] = []
        for (key, value) in pairs {
            switch key {
            case "nest": continue
            case "description":
                result += [(key, value), ("icon", .null), ("features", egg.features.map { .array($0.map { .string($0) }) } ?? .null),
                           ("tags", .array(egg.tags.map { .string($0) }))]
            case "startup":
                result += [(key, value), ("startup_commands", .object([("Default", value)]))]
            case "relationships": result.append((key, dropping(value, ["nest"])))
            default: result.append((key, value))
            }
        }
        return result
    }

    private static func dropping(_ value: JSONValue, _ names: Set<String>) -> JSONValue {
        guard case .object(let pairs) = value else { return value }
        return .object(pairs.filter { !names.contains($0.0) })
    }
}
